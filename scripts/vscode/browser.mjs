// Debian's Chromium, headless, driven by playwright-core (which downloads no browser of its own).
import { chromium } from 'playwright-core';
import { chromiumPath } from './setup.mjs';
import { onCleanup } from './processes.mjs';

// Without the networking flags Chromium keeps trying to reach Google's services, which this network refuses.
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export async function launchBrowser({ viewport = { width: 1280, height: 800 } } = {}) {
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs, timeout: 60_000 });
  onCleanup(() => browser.close());
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  return { browser, context };
}

/**
 * Built web workbenches ignore the URL's extensionDevelopmentPath / extensionTestsPath payload unless
 * `developmentOptions.enableSmokeTestDriver` is set in the configuration the page carries in
 * #vscode-workbench-web-configuration's data-settings. code-server offers no flag for it, so this script
 * (run before any of the page's own) sets it where the workbench reads it.
 */
export function enableSmokeTestDriver() {
  const original = Element.prototype.getAttribute;
  Element.prototype.getAttribute = function getAttribute(name) {
    const value = original.call(this, name);
    if (name === 'data-settings' && this.id === 'vscode-workbench-web-configuration' && value) {
      const settings = JSON.parse(value);
      settings.developmentOptions = { ...(settings.developmentOptions ?? {}), enableSmokeTestDriver: true };
      return JSON.stringify(settings);
    }
    return value;
  };
}
