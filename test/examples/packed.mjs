/**
 * Installs the package as a site gets it: `npm pack` (what `files` lets
 * through), unpacked into examples/node_modules/consent-gate, where every
 * example app and the type-check resolve `consent-gate`. Its own dependencies
 * (lit, @sentry/browser, js-cookie) and the frameworks resolve from the
 * repository's node_modules above, as from a site's. Needs a built dist/.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const examples = join(root, 'examples');

/** Packs the repository and unpacks it for the examples; returns the tarball's file list. */
export function installPackedPackage() {
  for (const built of ['dist/consent-gate.js', 'dist/npm/index.js', 'dist/types/index.d.ts']) {
    if (!existsSync(join(root, built))) throw new Error(`${built} is missing: run npm run build first (a plain vite build leaves out the npm entry and the types)`);
  }
  const scratch = mkdtempSync(join(tmpdir(), 'consent-gate-pack-'));
  try {
    const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', scratch], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));
    const target = join(examples, 'node_modules', 'consent-gate');
    rmSync(target, { recursive: true, force: true });
    mkdirSync(target, { recursive: true });
    execFileSync('tar', ['-xzf', join(scratch, packed.filename), '-C', target, '--strip-components=1']);
    return packed.files.map((file) => file.path);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
