#!/usr/bin/env node
/**
 * `npm test`: runs the browser tests with @web/test-runner.
 *
 *   npm test                                   all engines
 *   BROWSERS=firefox,webkit npm test           a subset (see web-test-runner.config.mjs)
 *   npm test -- --files test/foo.test.ts       extra arguments go to web-test-runner
 *                                              (--config replaces web-test-runner.config.mjs)
 *
 * Besides starting the runner this script provides what the Debian WebKit
 * (MiniBrowser, used when Playwright's own WebKit is not installed) needs:
 *
 *  - an X display when there is none: an `xvfb-run -a` that holds a virtual X
 *    server open until this script closes its stdin (or dies);
 *  - a WebKitWebDriver on a free local port, handed to the config through
 *    WEBKIT_WEBDRIVER_PORT.
 *
 * Both are stopped when the run ends, however it ends, so nothing is left
 * running. Exits with web-test-runner's exit code. Works without a TTY or
 * stdin (CI).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, connect } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { describeMissing, discoverBrowsers } from './runner/browsers.mjs';

/** @typedef {import('node:child_process').ChildProcess} ChildProcess */

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const wtrBin = fileURLToPath(new URL('../node_modules/@web/test-runner/dist/bin.js', import.meta.url));
const wtrConfig = fileURLToPath(new URL('../web-test-runner.config.mjs', import.meta.url));

/** How long Xvfb or WebKitWebDriver may take to become usable. */
const START_TIMEOUT_MS = 15_000;
/** How long web-test-runner may take to shut down after being interrupted. */
const STOP_TIMEOUT_MS = 20_000;

/** Helpers that must not outlive this script, stopped in reverse order. */
const helpers = {
  /** @type {ChildProcess | undefined} xvfb-run, holding the X server open */
  xvfb: undefined,
  /** @type {ChildProcess | undefined} WebKitWebDriver (and the MiniBrowser it spawns) */
  webDriver: undefined,
};
/** @type {ChildProcess | undefined} */
let testRunner;

/** @returns {Promise<number>} the exit code */
async function main() {
  const { found, missing } = discoverBrowsers();
  // The config repeats these checks (for direct `wtr` runs); failing here
  // avoids starting Xvfb or WebKitWebDriver for a run that cannot succeed.
  if (missing.length > 0 && process.env.CI) {
    throw new Error(`CI requires all requested browser engines, but some are missing:\n${describeMissing(missing)}`);
  }
  if (found.length === 0) {
    throw new Error(`No browser engine is available:\n${describeMissing(missing)}`);
  }

  const env = { ...process.env };
  const webkit = found.find(browser => browser.driver === 'webdriver');
  if (webkit) {
    /** Environment of WebKitWebDriver, which passes it on to MiniBrowser. */
    const driverEnv = { ...process.env };
    if (webkit.needsXvfb) Object.assign(driverEnv, await startXvfb());
    const port = await freePort();
    await startWebDriver(/** @type {string} */ (webkit.webDriverPath), port, driverEnv);
    env.WEBKIT_WEBDRIVER_PORT = String(port);
  }

  const args = process.argv.slice(2);
  // Our config unless the caller brings another one (web-test-runner rejects two).
  const configArgs = args.some(arg => arg === '--config' || arg.startsWith('--config=')) ? [] : ['--config', wtrConfig];
  testRunner = spawn(process.execPath, [wtrBin, ...configArgs, ...args], {
    cwd: repoRoot,
    env,
    // Keep the keyboard for interactive use (--watch); CI has no stdin at all.
    stdio: [process.stdin.isTTY ? 'inherit' : 'ignore', 'inherit', 'inherit'],
  });
  const [code, signal] = await once(testRunner, 'exit');
  testRunner = undefined;
  if (interrupted) return 130;
  if (signal) {
    console.error(`[run-tests] web-test-runner was killed by ${signal}`);
    return 1;
  }
  return code ?? 1;
}

/**
 * Starts a virtual X server through `xvfb-run -a` (which picks a free display
 * number and sets up X authority). Its command just reports the display and
 * then blocks on stdin, so the server lives until we close that pipe, which
 * also happens when this script is killed outright.
 *
 * @returns {Promise<{ DISPLAY: string, XAUTHORITY: string }>}
 */
async function startXvfb() {
  const xvfb = spawn('xvfb-run', ['-a', 'sh', '-c', 'echo "$DISPLAY $XAUTHORITY"; exec cat >/dev/null'], {
    // Own process group: a Ctrl-C in the terminal must not take the display
    // away while the browsers are still shutting down.
    detached: true,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  helpers.xvfb = xvfb;
  const firstLine = once(createInterface({ input: /** @type {NodeJS.ReadableStream} */ (xvfb.stdout) }), 'line');
  const result = await Promise.race([
    firstLine.then(([line]) => String(line)),
    once(xvfb, 'exit').then(([code]) => Promise.reject(new Error(`xvfb-run exited with code ${code} before the X server was up`))),
    sleep(START_TIMEOUT_MS, undefined, { ref: false }).then(() => Promise.reject(new Error('Xvfb did not start in time'))),
  ]);
  const [DISPLAY, XAUTHORITY] = result.trim().split(' ');
  if (!DISPLAY || !XAUTHORITY) throw new Error(`unexpected output from xvfb-run: ${result}`);
  return { DISPLAY, XAUTHORITY };
}

/**
 * Starts WebKitWebDriver in its own process group (MiniBrowser and its web
 * processes are its descendants) and waits until it accepts connections.
 *
 * @param {string} binary
 * @param {number} port
 * @param {NodeJS.ProcessEnv} env
 */
async function startWebDriver(binary, port, env) {
  const driver = spawn(binary, [`--port=${port}`], {
    env,
    // Own process group, so that stopping it also stops MiniBrowser, and a
    // Ctrl-C does not kill it before the runner has closed its session.
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  helpers.webDriver = driver;
  // Keep the start of stderr for the error message if it dies during
  // start-up; reading it all the time keeps the pipe from filling up.
  let stderr = '';
  driver.stderr?.setEncoding('utf8').on('data', chunk => {
    if (stderr.length < 10_000) stderr += chunk;
  });

  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!(await canConnect(port))) {
    if (driver.exitCode !== null || driver.signalCode !== null) {
      throw new Error(`WebKitWebDriver exited during start-up (${driver.exitCode ?? driver.signalCode}):\n${stderr}`);
    }
    if (Date.now() > deadline) {
      throw new Error(`WebKitWebDriver did not listen on port ${port} within ${START_TIMEOUT_MS} ms:\n${stderr}`);
    }
    await sleep(100);
  }
}

/** Stops WebKitWebDriver (with its MiniBrowser), then the X server. */
async function stopHelpers() {
  const { webDriver, xvfb } = helpers;
  helpers.webDriver = helpers.xvfb = undefined;
  if (webDriver) await stopProcessGroup(webDriver, () => signalGroup(webDriver, 'SIGTERM'));
  // EOF on its stdin ends `cat`; xvfb-run then kills Xvfb and removes its
  // auth file itself.
  if (xvfb) await stopProcessGroup(xvfb, () => xvfb.stdin?.end());
}

/**
 * Asks a process group leader to stop, SIGKILLs the whole group after a grace
 * period, and waits until the leader is gone.
 *
 * @param {ChildProcess} child
 * @param {() => void} askToStop
 */
async function stopProcessGroup(child, askToStop) {
  const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : once(child, 'exit');
  askToStop();
  // An unref'ed timer, so a pending grace period never delays our own exit.
  const graceful = await Promise.race([exited.then(() => true), sleep(5_000, false, { ref: false })]);
  // Descendants (MiniBrowser, WebKitWebProcess, Xvfb) may outlive the leader.
  if (graceful) await sleep(200);
  signalGroup(child, 'SIGKILL');
  await exited;
}

/**
 * @param {ChildProcess} child  a process group leader
 * @param {NodeJS.Signals} signal
 * @returns {boolean} false when no process of the group was left
 */
function signalGroup(child, signal) {
  try {
    process.kill(-(/** @type {number} */ (child.pid)), signal);
    return true;
  } catch {
    return false;
  }
}

// Interruption. web-test-runner only shuts down cleanly (closing browsers,
// which Firefox needs as it would otherwise outlive the runner) on SIGINT, so
// every terminating signal is passed on as SIGINT; main() then stops the
// helpers as after a normal run. A second signal, or a runner that does not
// stop in time, gets SIGKILL. A signal that arrives while no runner is running
// yet ends the script at once, after stopping the helpers.
let interrupted = false;
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
  process.on(signal, () => {
    const runner = testRunner;
    if (!runner) {
      void stopHelpers().finally(() => process.exit(130));
      return;
    }
    if (interrupted) {
      runner.kill('SIGKILL');
      return;
    }
    interrupted = true;
    runner.kill('SIGINT');
    setTimeout(() => runner.kill('SIGKILL'), STOP_TIMEOUT_MS).unref();
  });
}

/** A TCP port that is free on the loopback interface right now. */
async function freePort() {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  server.close();
  await once(server, 'close');
  return port;
}

/** @param {number} port */
async function canConnect(port) {
  const socket = connect(port, '127.0.0.1');
  try {
    await once(socket, 'connect');
    return true;
  } catch {
    return false;
  } finally {
    socket.destroy();
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`[run-tests] ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
} finally {
  await stopHelpers();
}
