import { writeSync } from 'node:fs';

/**
 * A @web/test-runner reporter that ends the run with one plain line:
 *
 *   wtr: 12 passed, 0 failed, 1 skipped
 *
 * The default reporter only prints per-browser progress bars and a sentence,
 * which CI log readers do not recognise as a test summary; this line is in the
 * generic "N passed, N failed" form they do. Counts are per test per browser
 * (a test run in three browsers counts three times). A test file that failed
 * without producing results (syntax error, import failure, timeout) counts as
 * one failure, so a broken file can never yield "0 failed".
 *
 * @returns {import('@web/test-runner').Reporter}
 */
export function plainSummaryReporter() {
  return {
    stop({ sessions }) {
      let passed = 0;
      let failed = 0;
      let skipped = 0;

      /** @param {import('@web/test-runner').TestSuiteResult} suite */
      const count = suite => {
        for (const test of suite.tests) {
          if (test.skipped) skipped += 1;
          else if (test.passed) passed += 1;
          else failed += 1;
        }
        suite.suites.forEach(count);
      };

      for (const session of sessions) {
        const before = failed;
        if (session.testResults) count(session.testResults);
        if (session.passed === false && failed === before) failed += 1;
      }

      // The default reporter flushes its final progress bars and verdict only
      // after all reporters stopped, so print on exit to really be last. The
      // write must be synchronous: 'exit' listeners cannot await a stream.
      const line = `\nwtr: ${passed} passed, ${failed} failed, ${skipped} skipped\n`;
      process.once('exit', () => writeSync(1, line));
    },
  };
}
