// Launch Debian's Chromium through playwright-core (never a browser download), headless.
import { chromium } from 'playwright-core';
import fs from 'node:fs';

export const CHROMIUM =
  process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));

// Chromium keeps only the LAST --disable-features switch, and playwright-core writes its own: this list repeats
// playwright-core 1.65's (chromiumSwitches.ts) and adds the omnibox's WebUI pop-ups, which Chromium 15x preloads
// in a renderer of their own for every new window — every browser context here — at ~0.8 s of CPU each (measured
// on 2 cores: a context to the first map 2.6 → 1.8 s of CPU). No page ever shows an omnibox in headless mode.
// (Checked: with two --disable-features switches only the second one's features were off.)
const DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
  'WebUIOmniboxPopup',
  'WebUIOmniboxAimPopup',
];

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
      `--disable-features=${DISABLED_FEATURES.join(',')}`,
    ],
  });
  // Service workers are blocked unless a context asks for them ({ serviceWorkers: 'allow' }: the offline test
  // and figure): otherwise every fresh context would cache the whole release (45 MB) in the background, and
  // each test or measured load would pay for the one before it.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = (options = {}) => newContext({ serviceWorkers: 'block', ...options });
  return browser;
}
