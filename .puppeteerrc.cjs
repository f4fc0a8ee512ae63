/**
 * Puppeteer only drives Debian's Firefox ESR here (test/runner/browsers.mjs); it must
 * never download a browser of its own (no network for that on our machines).
 */
module.exports = { skipDownload: true };
