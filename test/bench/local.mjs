/**
 * What `npm run size` and `npm run bench` share: a loopback HTTP server and
 * headless Chromium (Playwright's own build when installed, else Debian's,
 * as the tests find it).
 */
import { createServer } from 'node:http';
import { chromium } from 'playwright';
import { discoverBrowsers } from '../runner/browsers.mjs';

/** Serves `handler` on 127.0.0.1 (a free port); answers 404 when it throws. Returns the origin and a close(). */
export async function serveLocally(handler) {
  const server = createServer((request, response) => {
    try {
      handler(request, response);
    } catch {
      response.statusCode = 404;
      response.end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

/** Headless Chromium for the figures; `why` names the script in the error when none is found. */
export async function launchChromium(why) {
  const found = discoverBrowsers({ ...process.env, BROWSERS: 'chromium' }).found[0];
  if (!found) throw new Error(`${why} needs Chromium (see README: Browsers for the tests)`);
  return chromium.launch({ ...(found.executablePath ? { executablePath: found.executablePath } : {}), args: ['--no-sandbox'] });
}
