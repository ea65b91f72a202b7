// Publicity (公示) on the seeded Liangkou campaign: the publicity stage's reviewer finds the
// open objection in the work queue and resolves it with a reason, in English this time.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seriousViolations } from './axe.ts';
import { type Browser, openBrowser } from './browser.ts';

const origin = inject('origin');
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await openBrowser(origin);
  page = browser.page;
  browser.context.setDefaultTimeout(15_000);
});

afterAll(async () => {
  await browser?.close();
});

describe('the publicity stage', () => {
  it('resolves an open objection from the work queue', async () => {
    await page.goto(`${origin}/signin`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByLabel(/^Tenant( \*)?$/).fill('gz-conghua');
    await page.getByLabel(/^Email( \*)?$/).fill('publicity@conghua.demo');
    await page.getByLabel(/^Password( \*)?$/).fill('kaoping-demo-2024');
    await page.getByLabel(/^Password( \*)?$/).press('Enter');
    await page.getByRole('navigation').getByRole('link', { name: 'My work', exact: true }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: 'My work' }).isVisible())
      .toBe(true);
    const publicity = page.getByRole('region', { name: /充分就业社区/ }).filter({
      has: page.getByRole('heading', { name: 'Objections during publicity' }),
    });
    const objections = publicity.locator('li.objection');
    await expect.poll(() => objections.count()).toBeGreaterThan(0);
    const before = await objections.count();
    expect(await seriousViolations(page)).toEqual([]);

    const first = objections.first();
    await first.getByRole('button', { name: 'Resolve' }).click();
    await expect.poll(() => first.locator('.field-error').textContent()).toBe('Give a reason');
    await first.getByLabel('Dismiss').check();
    await first.getByLabel('Reason').fill('Checked against the ledger: the figures stand.');
    await first.getByRole('button', { name: 'Resolve' }).click();
    await expect.poll(() => objections.count()).toBe(before - 1);
    expect(browser.problems).toEqual([]);
    await page.getByRole('button', { name: '中文' }).click();
  });
});
