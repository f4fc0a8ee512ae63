/**
 * The build-time changes to the replay SDK (build/replay-sdk-privacy.mjs)
 * against the installed SDK: each matches exactly once and changes what it
 * says; an SDK whose code reads otherwise stops the build. (Whether recordings
 * come out masked is checked in browsers: test/gates/sentry-masking.test.ts.)
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { applyReplaySdkChanges, REPLAY_SDK_CHANGES } from '../../build/replay-sdk-privacy.mjs';

const require = createRequire(import.meta.url);
const sdk = readFileSync(require.resolve('@sentry/replay').replace(/cjs[\\/]index\.js$/, 'esm/index.js'), 'utf8');

describe('the replay SDK changes', () => {
  it('apply to the installed @sentry/replay, each exactly once', () => {
    const changed = applyReplaySdkChanges(sdk);
    assert.ok(changed.includes('isShadowRoot(node.parentNode) ? node.parentNode.host : null'), 'text in a shadow root is masked by its host');
    assert.ok(changed.includes('if (name === "href" && tagName === "a") return value.replace('), "a link's href is masked");
  });

  it('name the upstream issue or say there is none', () => {
    for (const change of REPLAY_SDK_CHANGES) assert.match(change.upstream, /^https:\/\/github\.com\/|^none found$/, change.what);
  });

  for (const change of REPLAY_SDK_CHANGES) {
    it(`stop the build when the SDK no longer reads as expected: ${change.what}`, () => {
      const altered = sdk.replace(change.find, '\n/* rewritten by an SDK upgrade */\n');
      assert.throws(() => applyReplaySdkChanges(altered), new RegExp(change.what.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      const twice = sdk + sdk.match(change.find)[0];
      assert.throws(() => applyReplaySdkChanges(twice), /no longer reads as expected/);
    });
  }
});
