// Debian's chromium driven by playwright-core (Playwright cannot download its
// own browsers here), with a fresh profile per run.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { root } from '../../../scripts/lib.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  // The browser's own words (the file picker's button) in Chinese too.
  '--lang=zh-CN',
];

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Console messages about the Content Security Policy, and uncaught page errors. */
  problems: string[];
  watch(page: Page): void;
  close(): Promise<void>;
}

export async function openBrowser(origin: string): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'kaoping-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const problems: string[] = [];
  const watch = (page: Page) => {
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) problems.push(`CSP: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  };
  const page = context.pages()[0] ?? (await context.newPage());
  watch(page);
  return {
    context,
    page,
    problems,
    watch,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export const SCREENSHOTS = join(root, 'docs/screenshots');

/**
 * The README's screenshots are taken only when asked for (`UPDATE_SCREENSHOTS=1 pnpm test
 * e2e`), so an ordinary test run leaves the working tree as it was.
 */
export const UPDATING_SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1';

/** A screenshot for the README, when UPDATE_SCREENSHOTS=1. */
export async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  if (!UPDATING_SCREENSHOTS) return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  // No caret blinking or focus ring in the middle of a picture.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({
    path: join(SCREENSHOTS, `${name}.png`),
    fullPage,
    animations: 'disabled',
  });
}
