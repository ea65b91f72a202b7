// UI (issue 9 §4): the first page (/, the sign-in page a visitor gets) as headless Chromium
// loads it from `wrangler dev` of the api worker (its static assets, built fresh): bytes over
// the wire gzipped (every response the page fetched, gzip -9 of its body, as Cloudflare would
// serve it compressed; goal < 100 KB) and time to interactive (navigation start → the sign-in
// form's password field is on screen and the main thread has gone idle), median of 7 cold loads.
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { mustRun, root } from '../../scripts/lib.mjs';
import { figure, median, spread } from '../lib.mjs';
import { benchUnits, fixtureState, freshState, startWrangler } from '../local/workerd.mjs';

export const title = 'ui (first page: gzipped transfer, time to interactive in headless Chromium)';

const LOADS = 7;
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export async function run() {
  await mustRun(process.execPath, ['build.mjs'], {
    cwd: `${root}/packages/ui`,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const template = await fixtureState(benchUnits(2_684));
  const w = await startWrangler({
    configs: ['wrangler.toml'],
    persistDir: freshState(template, 'ui'),
    readyPath: '/healthz',
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
  });
  try {
    const tti = [];
    let gzipped = 0;
    let raw = 0;
    let files = 0;
    for (let i = 0; i <= LOADS; i++) {
      // A new context each time: a cold cache, as a first visit.
      const context = await browser.newContext();
      const page = await context.newPage();
      const bodies = [];
      page.on('response', (response) => {
        bodies.push(response.body().catch(() => Buffer.alloc(0)));
      });
      await page.goto(`${w.url}/`, { waitUntil: 'domcontentloaded' });
      await page.locator('input[type="password"]').first().waitFor({ state: 'visible' });
      const ms = await page.evaluate(
        () =>
          new Promise((resolveIdle) =>
            requestIdleCallback(() => resolveIdle(performance.now()), { timeout: 5000 }),
          ),
      );
      await page.waitForLoadState('networkidle');
      const all = await Promise.all(bodies);
      // The first load warms wrangler's bundle and asset caches; it is not counted.
      if (i > 0) tti.push(ms);
      gzipped = all.reduce((n, b) => n + (b.length ? gzipSync(b, { level: 9 }).length : 0), 0);
      raw = all.reduce((n, b) => n + b.length, 0);
      files = all.length;
      await context.close();
    }
    const sorted = [...tti].sort((a, b) => a - b);
    return [
      figure('ui first page: transfer, gzipped', gzipped / 1024, 'KB', {
        goal: '< 100',
        note: `${files} responses, ${(raw / 1024).toFixed(0)} KB uncompressed`,
      }),
      figure('ui first page: time to interactive (Chromium)', median(sorted), 'ms', {
        spread: spread(sorted),
      }),
    ];
  } finally {
    await browser.close();
    await w.stop();
  }
}
