// Where a system Chromium exists (Debian's `chromium`, as on the CI machines), skip puppeteer's own browser
// download and use it; elsewhere puppeteer downloads its Chrome at install time as usual.
// XINGPING_CHROMIUM overrides the executable path at run time (see findBrowser in src/adapters/pdf-puppeteer.ts).
const { existsSync } = require('node:fs');

const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

module.exports = systemChromium ? { skipDownload: true } : {};
