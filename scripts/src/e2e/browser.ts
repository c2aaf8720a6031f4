/// <reference lib="dom" />
import * as fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestNetwork, type TestNetwork } from './network';

/** Debian's Chromium, or the one CHROMIUM_PATH names. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * `describe` when Chromium is there. Without it a local run says clearly that the browser tests
 * were skipped, and CI fails instead (`.ci/run` installs Chromium when it is missing).
 */
export function describeInBrowser(): jest.Describe {
  if (fs.existsSync(CHROMIUM)) return describe;
  const message = `Browser tests SKIPPED: no Chromium at ${CHROMIUM}. Install it (apt-get install chromium) or set CHROMIUM_PATH.`;
  if (process.env.CI) throw new Error(message);
  console.warn(message);
  return describe.skip;
}

/** The test network, its catalogue synced, and Chromium: what every browser test starts with. */
export async function startBrowserNetwork(): Promise<{ network: TestNetwork; browser: Browser; close(): Promise<void> }> {
  const network = await startTestNetwork();
  await network.syncCatalogue();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  return {
    network,
    browser,
    async close() {
      await browser.close();
      await network.close();
    },
  };
}

/** A phone-size page. axe-core is injected as an inline script, which the pages' CSP (script-src 'self') would rightly refuse. */
export async function phone(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, bypassCSP: true });
  return context.newPage();
}

/** axe-core's serious and critical violations on the page as it is now. */
export async function axe(page: Page): Promise<{ id: string; impact: string; help: string; nodes: number }[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => {
    const result = await (
      window as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string; help: string; nodes: unknown[] }[] }> } }
    ).axe.run();
    return result.violations.map((violation) => ({ id: violation.id, impact: violation.impact, help: violation.help, nodes: violation.nodes.length }));
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}
