// Launch Debian's Chromium through playwright-core (never a browser download), headless.
import { chromium } from 'playwright-core';
import fs from 'node:fs';

export const CHROMIUM =
  process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));

export async function launch() {
  if (!CHROMIUM)
    throw new Error('Chromium not found: install it with `apt-get install -y chromium` (or set CHROMIUM_PATH).');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
    ],
  });
  // Service workers are blocked unless a context asks for them ({ serviceWorkers: 'allow' }: the offline test
  // and figure): otherwise every fresh context would cache the whole release (45 MB) in the background, and
  // each test or measured load would pay for the one before it.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = (options = {}) => newContext({ serviceWorkers: 'block', ...options });
  return browser;
}
