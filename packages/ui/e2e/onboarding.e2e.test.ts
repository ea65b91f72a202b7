// A district bureau's first hour in Kaoping, in a real browser against a real
// `wrangler dev`: sign up, sign in, import the Liangkou org tree, see a bad
// CSV refused line by line, invite a reporter (who joins), create an API
// client whose secret is shown once, read the audit log, set the CORS
// allow-list and export the data (a restore into the same tenant refused), switch language,
// use a phone-width screen, sign out. axe-core checks every screen.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { root } from '../../../scripts/lib.mjs';
import { findBuiltInPack } from '../../standards/src/index.ts';
import { seriousViolations } from './axe.ts';
import { type Browser, openBrowser, screenshot } from './browser.ts';

const origin = inject('origin');
const TENANT = 'e2e-conghua';
const ADMIN = { email: 'admin@e2e-conghua.cn', password: 'kaoping-e2e-2024', name: '从化区管理员' };
const REPORTER = {
  email: 'xitou@e2e-conghua.cn',
  password: 'xitou-e2e-2024',
  name: '溪头村填报员',
};
const LIANGKOU_CSV = join(root, 'docs/samples/org-units-liangkou.csv');
const LITERAL_PACK = join(
  root,
  'packages/standards/cli/examples/literal-unemployment-statistics.pack.json',
);

let browser: Browser;
let page: Page;

/** A control by its label; required fields' labels end in an aria-hidden " *". */
const field = (label: string, on: Page = page) =>
  on.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`));
/** The error shown beside a field: the element its aria-describedby names last. */
async function errorBeside(label: string, on: Page = page): Promise<string | null> {
  const ids = (await field(label, on).getAttribute('aria-describedby')) ?? '';
  const errorId = ids.split(' ').find((id) => id.endsWith('-error'));
  return errorId ? on.locator(`[id="${errorId}"]`).textContent() : null;
}
const nav = (name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true });
const heading = (name: string, on: Page = page) =>
  on.getByRole('heading', { level: 1, name, exact: true });

async function expectAccessible(where: string) {
  expect(await seriousViolations(page), `axe on ${where}`).toEqual([]);
}

beforeAll(async () => {
  browser = await openBrowser(origin);
  page = browser.page;
  browser.context.setDefaultTimeout(10_000);
});

afterAll(async () => {
  await browser?.close();
});

describe('a new tenant', () => {
  it('serves the UI with a CSP that allows no inline script or style', async () => {
    const res = await page.goto(`${origin}/signup`);
    const csp = res?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res?.headers()['x-content-type-options']).toBe('nosniff');
  });

  it('signs up, keeping what was typed when a field is refused', async () => {
    await expect.poll(() => heading('注册新租户').isVisible()).toBe(true);
    await expectAccessible('sign-up');
    await field('单位名称').fill('广州市从化区人力资源和社会保障局（测试）');
    // Taken by the demo seed: the API's 409 is shown beside the slug field.
    await field('租户代码').fill('gz-conghua');
    await field('行政级别').selectOption('district');
    await field('管辖区域名称').fill('从化区');
    await field('区划代码').fill('４４０１１７');
    await field('姓名').fill(ADMIN.name);
    await field('电子邮箱').fill(ADMIN.email);
    await field('设置密码').fill('short');
    await field('再次输入密码').fill('short');
    await page.getByRole('button', { name: '注册', exact: true }).click();
    // Checked in the browser first, as the API would.
    await expect.poll(() => errorBeside('设置密码')).toBe('密码至少 10 个字符');
    expect(await field('设置密码').getAttribute('aria-invalid')).toBe('true');

    await field('设置密码').fill(ADMIN.password);
    await field('再次输入密码').fill(ADMIN.password);
    await page.getByRole('button', { name: '注册', exact: true }).click();
    await expect.poll(() => errorBeside('租户代码')).toBe('该租户标识已被使用，请换一个');
    expect(await page.getByRole('alert').textContent()).toContain('与当前状态冲突');
    expect(await field('单位名称').inputValue()).toBe('广州市从化区人力资源和社会保障局（测试）');
    expect(await field('设置密码').inputValue()).toBe(ADMIN.password);
    await screenshot(page, 'sign-up-error');

    await field('租户代码').fill(TENANT);
    await page.getByRole('button', { name: '注册', exact: true }).click();
    await page.waitForURL(`${origin}/signin`);
    await expect.poll(() => page.getByText('租户已创建').isVisible()).toBe(true);
  });

  it('signs in (a wrong password is refused and nothing typed is lost)', async () => {
    expect(await field('租户代码').inputValue()).toBe(TENANT);
    expect(await field('电子邮箱').inputValue()).toBe(ADMIN.email);
    await expectAccessible('sign-in');
    await screenshot(page, 'sign-in');
    await field('密码').fill('not-the-password');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('未登录或凭证无效');
    expect(await field('电子邮箱').inputValue()).toBe(ADMIN.email);

    // From the keyboard: Enter in the password field submits.
    await field('密码').fill(ADMIN.password);
    await field('密码').press('Enter');
    await page.waitForURL(`${origin}/`);
    await expect.poll(() => heading('概览').isVisible()).toBe(true);
    await expect
      .poll(() => page.getByText('广州市从化区人力资源和社会保障局（测试）').first().isVisible())
      .toBe(true);
    // Tokens stay out of cookies and out of localStorage.
    expect(await browser.context.cookies()).toEqual([]);
    const stored = await page.evaluate(() => ({
      local: JSON.stringify(localStorage),
      session: Object.keys(sessionStorage),
    }));
    expect(stored.local).not.toContain('kpr_');
    expect(stored.session).toEqual(['kaoping.refresh']);
    await expectAccessible('overview');
  });

  it('imports the Liangkou CSV and sees 23 units under 良口镇', async () => {
    await nav('组织架构').click();
    await expect.poll(() => heading('组织架构').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('共 1 个单元').isVisible()).toBe(true);
    await field('CSV 文件').setInputFiles(LIANGKOU_CSV);
    await expect
      .poll(() => page.getByText('org-units-liangkou.csv：24 行数据').isVisible())
      .toBe(true);
    await page.getByRole('button', { name: '导入', exact: true }).click();
    await expect
      .poll(() => page.getByText('导入完成：新建 24 个，已存在未变 0 个。').isVisible())
      .toBe(true);
    const underLiangkou = page.getByRole('list', { name: '良口镇 的下级单元', exact: true });
    await expect.poll(() => underLiangkou.locator(':scope > li').count()).toBe(23);
    expect(await underLiangkou.getByRole('button', { name: '溪头村' }).count()).toBe(1);
    await expect.poll(() => page.getByText('共 25 个单元').isVisible()).toBe(true);
    // The tree works from the keyboard, with a visible focus ring.
    const toggle = page.getByRole('button', { name: '收起 良口镇' });
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => underLiangkou.count()).toBe(0);
    const ring = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(ring).toBe('solid');
    await page.keyboard.press('Enter');
    await expect.poll(() => underLiangkou.locator(':scope > li').count()).toBe(23);
    await expectAccessible('org tree');
    await screenshot(page, 'org-tree', true);
  });

  it('refuses a bad CSV whole and shows every bad line with its row', async () => {
    const bad = [
      '名称,类型,上级',
      '石岭村,乡村,从化区/良口镇',
      ',村,从化区/良口镇',
      '某村,村,不存在/某镇',
    ].join('\n');
    await field('CSV 文件').setInputFiles({
      name: 'bad-units.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(bad),
    });
    await page.getByRole('button', { name: '导入', exact: true }).click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('导入未执行');
    const items = alert.getByRole('listitem');
    await expect.poll(() => items.count()).toBe(3);
    expect(await items.nth(0).textContent()).toContain('第 2 行');
    expect(await items.nth(0).textContent()).toContain('无法识别的类型“乡村”');
    expect(await items.nth(0).textContent()).toContain('石岭村,乡村,从化区/良口镇');
    expect(await items.nth(1).textContent()).toContain('第 3 行');
    expect(await items.nth(2).textContent()).toContain('第 4 行');
    expect(await items.nth(2).textContent()).toContain('不存在/某镇');
    // Nothing was imported.
    expect(await page.getByText('共 25 个单元').isVisible()).toBe(true);
    await expectAccessible('CSV errors');
    await alert.scrollIntoViewIfNeeded();
    await screenshot(page, 'org-import-errors');
  });

  it('renames a unit and sets its code', async () => {
    await page
      .getByRole('list', { name: '良口镇 的下级单元' })
      .getByRole('button', { name: '溪头村', exact: true })
      .click();
    const panel = page.locator('.unit-panel');
    await expect
      .poll(() => panel.getByRole('heading', { name: '溪头村', exact: true }).isVisible())
      .toBe(true);
    await panel.getByLabel('统计用区划代码').first().fill('4401171052');
    await panel.getByRole('button', { name: '保存' }).click();
    await expect
      .poll(() => panel.locator('.field-error').textContent())
      .toBe('统计用区划代码应为 12 位数字');
    await panel.getByLabel('统计用区划代码').first().fill('440117105201');
    await panel.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByText('已保存“溪头村”').isVisible()).toBe(true);
    await expect.poll(() => panel.locator('dd.mono').first().textContent()).toBe('440117105201');
    await expectAccessible('unit panel');
  });
  it('adds a unit, moves it and archives it', async () => {
    const tree = page.getByRole('list', { name: '组织树', exact: true });
    await tree.getByRole('button', { name: '良口镇', exact: true }).click();
    const panel = page.locator('.unit-panel');
    await expect
      .poll(() => panel.getByRole('heading', { name: '良口镇', exact: true }).isVisible())
      .toBe(true);
    const add = panel.locator('form', { hasText: '在“良口镇”下新建' });
    await add.getByLabel('类型').selectOption('village');
    await add.getByLabel(/^名称/).fill('石岭村');
    await add.getByRole('button', { name: '新建' }).click();
    await expect.poll(() => page.getByText('已新建“石岭村”').isVisible()).toBe(true);
    const underLiangkou = page.getByRole('list', { name: '良口镇 的下级单元', exact: true });
    await expect.poll(() => underLiangkou.locator(':scope > li').count()).toBe(24);

    await underLiangkou.getByRole('button', { name: '石岭村', exact: true }).click();
    await expect
      .poll(() => panel.getByRole('heading', { name: '石岭村', exact: true }).isVisible())
      .toBe(true);
    const move = panel.locator('form', { hasText: '移动到' });
    const district = await move
      .getByLabel(/^新的上级/)
      .locator('option', { hasText: '从化区' })
      .getAttribute('value');
    await move.getByLabel(/^新的上级/).selectOption(district!);
    await move.getByRole('button', { name: '移动（含下级）' }).click();
    await expect.poll(() => page.getByText('已移动“石岭村”').isVisible()).toBe(true);
    const underDistrict = page.getByRole('list', { name: '从化区 的下级单元', exact: true });
    await expect
      .poll(() => underDistrict.getByRole('button', { name: '石岭村', exact: true }).count())
      .toBe(1);
    await expect.poll(() => underLiangkou.locator(':scope > li').count()).toBe(23);

    await panel.getByRole('button', { name: '归档' }).click();
    await panel.getByRole('button', { name: '确认' }).click();
    await expect.poll(() => page.getByText('已归档“石岭村”').isVisible()).toBe(true);
    await expect.poll(() => tree.getByRole('button', { name: '石岭村' }).count()).toBe(0);
    await page.getByLabel('显示已归档').check();
    await expect.poll(() => tree.getByRole('button', { name: '石岭村' }).count()).toBe(1);
    expect(await tree.locator('li.archived').count()).toBe(1);
    await page.getByLabel('显示已归档').uncheck();
    await expect.poll(() => page.getByText('共 25 个单元').isVisible()).toBe(true);
  });
});

describe('people and clients', () => {
  let token = '';

  it('invites a reporter for 溪头村; the token is shown once with a copy button', async () => {
    await nav('人员与邀请').click();
    await expect.poll(() => heading('人员与邀请').isVisible()).toBe(true);
    await field('电子邮箱').fill(REPORTER.email);
    await field('角色').selectOption('reporter');
    await page.getByRole('button', { name: '生成邀请' }).click();
    // A reporter needs a unit: refused beside the scope field, as the API would.
    await expect.poll(() => errorBeside('范围')).toBe('填报员需指定所负责的单元');
    const xitou = await field('范围')
      .locator('option', { hasText: '溪头村' })
      .getAttribute('value');
    await field('范围').selectOption(xitou!);
    await page.getByRole('button', { name: '生成邀请' }).click();
    await expect.poll(() => page.getByText(`已邀请 ${REPORTER.email}`).isVisible()).toBe(true);
    token = await field('邀请令牌').inputValue();
    expect(token).toMatch(/^kpi_/);
    await page.getByRole('button', { name: '复制' }).first().click();
    await expect.poll(() => page.getByText('已复制到剪贴板').isVisible()).toBe(true);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
    await expectAccessible('people, invitation shown');
    await screenshot(page, 'people-invited', true);

    await page.getByRole('button', { name: '我已保存，关闭' }).click();
    expect(await page.content()).not.toContain(token);
    const pending = page.getByRole('region', { name: '待接受的邀请' });
    await expect.poll(() => pending.getByText(REPORTER.email).isVisible()).toBe(true);
  });

  it('lets the invited reporter join from the link and sign in, without admin screens', async () => {
    const tab = await browser.context.newPage();
    browser.watch(tab);
    await tab.goto(`${origin}/join#token=${encodeURIComponent(token)}`);
    await expect.poll(() => heading('接受邀请', tab).isVisible()).toBe(true);
    // The token left the address bar as soon as it was read.
    expect(new URL(tab.url()).hash).toBe('');
    expect(await field('邀请令牌', tab).inputValue()).toBe(token);
    await field('姓名', tab).fill(REPORTER.name);
    await field('设置密码', tab).fill(REPORTER.password);
    await field('再次输入密码', tab).fill(REPORTER.password);
    await tab.getByRole('button', { name: '加入' }).click();
    await tab.waitForURL(`${origin}/signin`);
    expect(await field('租户代码', tab).inputValue()).toBe(TENANT);
    expect(await field('电子邮箱', tab).inputValue()).toBe(REPORTER.email);
    await field('密码', tab).fill(REPORTER.password);
    await tab.getByRole('button', { name: '登录', exact: true }).click();
    await expect.poll(() => heading('概览', tab).isVisible()).toBe(true);
    await expect.poll(() => tab.getByText('填报员 · 范围 溪头村').isVisible()).toBe(true);
    expect(
      await tab.getByRole('navigation').getByRole('link', { name: '人员与邀请' }).count(),
    ).toBe(0);
    await tab.goto(`${origin}/people`);
    await expect.poll(() => heading('无权访问', tab).isVisible()).toBe(true);
    await tab.close();
  });

  it('shows the reporter among the people with their grant', async () => {
    await page.reload();
    await expect.poll(() => heading('人员与邀请').isVisible()).toBe(true);
    const reporter = page.locator('li.person', { hasText: REPORTER.email });
    await expect.poll(() => reporter.getByText('填报员 · 范围 溪头村').isVisible()).toBe(true);
    // Give the reporter a second role: viewer of the whole tenant.
    await reporter.getByRole('button', { name: '调整角色' }).click();
    await reporter.getByRole('button', { name: '添加角色' }).click();
    const second = reporter.getByRole('group', { name: '角色 2' });
    await expect.poll(() => second.isVisible()).toBe(true);
    await reporter.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => reporter.getByText('查阅 · 整个租户').isVisible()).toBe(true);
    expect(await reporter.getByText('填报员 · 范围 溪头村').isVisible()).toBe(true);
    await expectAccessible('people');
    await screenshot(page, 'people', true);
  });

  it('creates an API client whose secret is shown once and works', async () => {
    await nav('API 客户端').click();
    await expect.poll(() => heading('API 客户端').isVisible()).toBe(true);
    await field('名称').fill('市级数据平台');
    await page.getByRole('button', { name: '创建', exact: true }).click();
    await expect.poll(() => page.getByText('已创建“市级数据平台”').isVisible()).toBe(true);
    const clientId = await field('客户端 ID').inputValue();
    const secret = await field('客户端密钥').inputValue();
    expect(clientId).toMatch(/^cli_/);
    expect(secret).toMatch(/^kps_/);
    await expectAccessible('clients, secret shown');
    await screenshot(page, 'client-secret-once');

    // The secret is real: the other system gets a token with it.
    const res = await fetch(`${origin}/v1/oauth/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { scope: string }).scope).toBe('scores:read');

    await page.getByRole('button', { name: '我已保存，关闭' }).click();
    const list = page.getByRole('region', { name: '客户端列表' });
    await expect.poll(() => list.getByText('市级数据平台').isVisible()).toBe(true);
    expect(
      secret.startsWith(
        (await list.locator('td.mono', { hasText: '…' }).first().textContent())!.replace('…', ''),
      ),
    ).toBe(true);
    expect(await page.content()).not.toContain(secret);
    await page.reload();
    await expect.poll(() => list.getByText('市级数据平台').isVisible()).toBe(true);
    expect(await page.content()).not.toContain(secret);
    await expectAccessible('clients');

    // Revoked: gone from the active list, and its secret stops working at once.
    const row = list.getByRole('row', { name: /市级数据平台/ });
    await row.getByRole('button', { name: '吊销' }).click();
    await row.getByRole('button', { name: '确认' }).click();
    await expect.poll(() => page.getByText('还没有客户端').isVisible()).toBe(true);
    const refused = await fetch(`${origin}/v1/oauth/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    });
    expect(refused.status).toBe(401);
    await page.getByLabel('状态').selectOption('revoked');
    await expect.poll(() => list.getByRole('cell', { name: '已吊销' }).isVisible()).toBe(true);
    await page.getByLabel('状态').selectOption('active');
  });
});

describe('the pack catalog', () => {
  let tailored = '';

  it('lists the built-in packs and a version tailored here', async () => {
    // A tailored draft, made through the API (tailoring screens come in part 2):
    // a stricter first band for 一.1 and the bonus item 四.1 switched off.
    const signin = await fetch(`${origin}/v1/auth/signin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenant: TENANT, email: ADMIN.email, password: ADMIN.password }),
    });
    const { access_token } = (await signin.json()) as { access_token: string };
    const derived = await fetch(`${origin}/v1/packs/gz.full-employment/versions/2024.1/derive`, {
      method: 'POST',
      headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        overrides: {
          items: {
            '一.1': {
              set: { '/base/bands/0/threshold': 92 },
              notes: [{ zh: '从化区提高第一档要求', en: 'Conghua raises the first band' }],
            },
            '四.1': { disabled: true },
          },
        },
      }),
    });
    expect(derived.status).toBe(201);
    tailored = ((await derived.json()) as { version: string }).version;

    await nav('标准包').click();
    await expect.poll(() => heading('标准包').isVisible()).toBe(true);
    const gz = page.getByRole('region', {
      name: '广州市充分就业社区(村)建设标准(2024年修订版) 的版本',
    });
    await expect
      .poll(() => gz.getByRole('link', { name: '2024.1', exact: true }).isVisible())
      .toBe(true);
    await expect.poll(() => gz.getByRole('link', { name: tailored }).isVisible()).toBe(true);
    expect(await gz.textContent()).toContain('草稿 · 本租户定制');
    expect(await page.getByRole('heading', { level: 2 }).count()).toBeGreaterThanOrEqual(5);
    await expectAccessible('pack catalog');
    await screenshot(page, 'packs');
  });

  it('shows a version’s items by category with points, rules in words, sources and notes', async () => {
    const gz = page.getByRole('region', {
      name: '广州市充分就业社区(村)建设标准(2024年修订版) 的版本',
    });
    await gz.getByRole('link', { name: '2024.1', exact: true }).click();
    await expect
      .poll(() => heading('广州市充分就业社区(村)建设标准(2024年修订版) 2024.1').isVisible())
      .toBe(true);
    const category = page.getByRole('region', { name: /^一 主要就业指标达标情况/ });
    await expect.poll(() => category.getByRole('article').count()).toBe(5);
    const item = page.locator('[id="item-一.1"]');
    expect(await item.locator('.points').textContent()).toBe('8 分');
    expect(await item.locator('.rule').textContent()).toContain('≥90%得8分');
    expect(await item.locator('blockquote').textContent()).toContain('达90%得8分');
    expect(await item.locator('blockquote').getAttribute('lang')).toBe('zh-CN');
    await item.getByText('解读说明（3 条）').click();
    await expect.poll(() => item.getByText(/区间下限含、上限不含/).isVisible()).toBe(true);
    await expectAccessible('pack version');
    await screenshot(page, 'pack-version');
  });

  it('compares two versions side by side', async () => {
    await field('与另一版本对比').selectOption(`gz.full-employment@${tailored}`);
    await page.getByRole('button', { name: '并排对比' }).click();
    await expect.poll(() => heading('版本对比').isVisible()).toBe(true);
    const items = page.getByRole('region', { name: /^指标项/ });
    await expect.poll(() => items.getByRole('table').count()).toBe(2);
    const band = items.getByRole('row', { name: /基础分第1档阈值/ });
    expect(await band.getByRole('cell').allTextContents()).toEqual(['90%', '92%']);
    const disabled = items.getByRole('row', { name: /停用/ });
    expect(await disabled.getByRole('cell').allTextContents()).toEqual(['否', '是']);
    // Each changed item in full, from both versions.
    expect(await items.locator('.side-by-side').first().locator('.rule').allTextContents()).toEqual(
      [expect.stringContaining('≥90%得8分'), expect.stringContaining('≥92%得8分')],
    );
    await expectAccessible('pack diff');
    await screenshot(page, 'pack-diff');
  });

  it('imports a pack file of its own: a built-in namespace refused, lint shown, publish', async () => {
    await nav('标准包').click();
    await expect.poll(() => heading('标准包').isVisible()).toBe(true);
    const file = field('标准包文件（JSON）');
    const importIt = () => page.getByRole('button', { name: '导入', exact: true }).click();
    const asFile = (name: string, pack: unknown) => ({
      name,
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(pack)),
    });
    // Not JSON at all: said beside the field, nothing sent.
    await file.setInputFiles({
      name: 'x.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{'),
    });
    await importIt();
    await expect.poll(() => errorBeside('标准包文件（JSON）')).toContain('不是有效的 JSON');
    // A key in a built-in namespace.
    const literal = JSON.parse(readFileSync(LITERAL_PACK, 'utf8')) as Record<string, unknown>;
    await file.setInputFiles(asFile('gz.json', { ...literal, key: 'gz.unemployment-statistics' }));
    await importIt();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('内置标准包的命名空间');
    // Imported as a draft; its one lint error keeps it from being published; discarded.
    await file.setInputFiles(
      asFile('own.json', { ...literal, key: 'conghua.unemployment-statistics' }),
    );
    await importIt();
    await expect.poll(() => page.getByText('这是本单位导入的草稿').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('检查结果：1 个错误').isVisible()).toBe(true);
    expect(await page.getByText('最高可得5分，超过本项满分4分').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: '发布', exact: true }).isDisabled()).toBe(true);
    await expectAccessible('imported draft');
    await page.getByRole('button', { name: '删除草稿' }).click();
    await page.getByRole('button', { name: /确认/ }).click();
    await expect.poll(() => heading('标准包').isVisible()).toBe(true);
    // A clean pack of its own: imported, then published from its page.
    const gzPack = findBuiltInPack('gz.hqe-village@2024.1')!;
    await page
      .getByLabel(/^标准包文件（JSON）/)
      .setInputFiles(
        asFile('hqe.json', { ...gzPack, key: 'conghua.hqe-village', version: '2025.1' }),
      );
    await importIt();
    await expect.poll(() => page.getByText('检查结果：0 个错误').isVisible()).toBe(true);
    await page.getByRole('button', { name: '发布', exact: true }).click();
    await expect.poll(() => page.getByText('已发布 · 本单位导入').isVisible()).toBe(true);
  });
});

describe('the audit log', () => {
  it('lists what happened and filters by action, in the address bar', async () => {
    await nav('审计日志').click();
    await expect.poll(() => heading('审计日志').isVisible()).toBe(true);
    const table = page.getByRole('region', { name: '审计日志' });
    await expect.poll(() => table.getByText('新建 API 客户端').first().isVisible()).toBe(true);
    await expect.poll(() => table.getByText('发出邀请').first().isVisible()).toBe(true);
    await field('操作').selectOption('org_unit.import');
    await page.getByRole('button', { name: '筛选', exact: true }).click();
    await page.waitForURL(/action=org_unit.import/);
    await expect.poll(() => table.locator('tbody tr').count()).toBe(24);
    await page.getByRole('button', { name: '校验哈希链' }).click();
    await expect.poll(() => page.getByText('哈希链完整').isVisible()).toBe(true);
    await expectAccessible('audit');
    await screenshot(page, 'audit');
    await page.getByRole('button', { name: '清除筛选' }).click();
  });
});

describe('tenant settings', () => {
  const ORIGINS = '允许的来源（每行一个）';

  it('sets the CORS allow-list: a bad line is refused beside the box by its number, nothing lost', async () => {
    await nav('租户设置').click();
    await expect.poll(() => heading('租户设置').isVisible()).toBe(true);
    const typed = 'https://data.conghua.gov.cn\n\nhttp://data.conghua.gov.cn/scores';
    await field(ORIGINS).fill(typed);
    await page.getByRole('button', { name: '保存来源' }).click();
    // The API names body.origins.1, the second line sent: the third line of the box.
    await expect.poll(() => errorBeside(ORIGINS)).toMatch(/^第 3 行：/);
    expect(await field(ORIGINS).getAttribute('aria-invalid')).toBe('true');
    expect(await field(ORIGINS).inputValue()).toBe(typed);

    await field(ORIGINS).fill('https://data.conghua.gov.cn\nhttps://Dashboard.Conghua.gov.cn:443');
    // Typing moves the lines the error counted, so it goes.
    expect(await field(ORIGINS).getAttribute('aria-invalid')).toBeNull();
    await page.getByRole('button', { name: '保存来源' }).click();
    await expect.poll(() => page.getByText('已保存，共 2 个来源。').isVisible()).toBe(true);
    // Saved as browsers send an Origin: host lower-cased, default port dropped; kept on reload.
    await page.reload();
    await expect
      .poll(() => field(ORIGINS).inputValue())
      .toBe('https://data.conghua.gov.cn\nhttps://dashboard.conghua.gov.cn');
  });

  it('exports all the data as one JSON file, which a restore into this same tenant refuses', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出全部数据（JSON）' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^kaoping-e2e-conghua-\d{4}-\d{2}-\d{2}\.json$/);
    const file = await download.path();
    const pages = JSON.parse(readFileSync(file, 'utf8')) as {
      kind: string;
      end?: { consistent: boolean; counts: Record<string, number> };
    }[];
    expect(pages[0]?.kind).toBe('manifest');
    expect(pages.at(-1)?.kind).toBe('end');
    expect(pages.at(-1)?.end?.consistent).toBe(true);
    const rows = Object.values(pages.at(-1)?.end?.counts ?? {}).reduce((a, b) => a + b, 0);
    await expect
      .poll(() => page.getByText(`已导出 ${pages.length} 页，共 ${rows} 行。`).isVisible())
      .toBe(true);

    // Not an export file: refused beside the file field before anything is sent.
    await field('导出文件（JSON）').setInputFiles({
      name: 'notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"note": "not an export"}'),
    });
    await page.getByRole('button', { name: '开始恢复' }).click();
    await page.getByRole('button', { name: '确认' }).click();
    await expect.poll(() => errorBeside('导出文件（JSON）')).toContain('不是 Kaoping 的导出文件');

    // The real file, sent back to the tenant it came from: the API's refusal is shown.
    await field('导出文件（JSON）').setInputFiles(file);
    await page.getByRole('button', { name: '开始恢复' }).click();
    await page.getByRole('button', { name: '确认' }).click();
    await expect.poll(() => page.getByText('第 1 页恢复失败').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('不能恢复到导出它的租户本身').isVisible()).toBe(true);
    await expectAccessible('settings');
    await screenshot(page, 'settings', true);
  });
});

describe('language, reload and phone width', () => {
  it('switches to English, keeps it and the session across a reload, and back', async () => {
    await nav('组织架构').click();
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => heading('Org tree').isVisible()).toBe(true);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.reload();
    // Still signed in (the refresh token in this tab's sessionStorage) and still English.
    await expect.poll(() => heading('Org tree').isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('list', { name: 'Units under 良口镇' }).count()).toBe(1);
    await expectAccessible('org tree in English');
    await screenshot(page, 'org-tree-en');
    await page.getByRole('button', { name: '中文' }).click();
    await expect.poll(() => heading('组织架构').isVisible()).toBe(true);
  });

  it('is usable 375 px wide', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    for (const [title, loaded] of [
      ['组织架构', () => page.getByText('共 25 个单元')],
      ['标准包', () => page.getByRole('link', { name: '2024.1', exact: true }).first()],
      ['人员与邀请', () => page.getByText(REPORTER.email).first()],
      ['API 客户端', () => page.getByText('还没有客户端')],
    ] as const) {
      await nav(title).click();
      await expect.poll(() => heading(title).isVisible()).toBe(true);
      await expect.poll(() => loaded().isVisible()).toBe(true);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `horizontal scroll on ${title}`).toBeLessThanOrEqual(0);
      await expectAccessible(`${title} at 375 px`);
    }
    await nav('组织架构').click();
    await expect.poll(() => page.getByText('共 25 个单元').isVisible()).toBe(true);
    await screenshot(page, 'org-tree-phone');
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});

describe('signing out', () => {
  it('ends the session here and on the server', async () => {
    const refreshToken = await page.evaluate(() => sessionStorage.getItem('kaoping.refresh'));
    expect(refreshToken).toMatch(/^kpr_/);
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(`${origin}/signin`);
    expect(await page.evaluate(() => sessionStorage.getItem('kaoping.refresh'))).toBeNull();
    const res = await fetch(`${origin}/v1/auth/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refresh_token: refreshToken }),
    });
    expect(res.status).toBe(401);
    await page.goto(`${origin}/people`);
    await page.waitForURL(`${origin}/signin?next=%2Fpeople`);
    await expect.poll(() => heading('登录').isVisible()).toBe(true);
  });

  it('met no CSP violation and no uncaught error on the way', () => {
    expect(browser.problems).toEqual([]);
  });
});
