// The story, in a real browser against a real `wrangler dev` with its scheduler: a
// new district signs up, tailors and selects the Guangzhou full-employment pack, imports the
// Liangkou units, opens a cycle with targets and milestones, and invites a reporter and two
// reviewers who join. The reporter enters 溪头村's figures while the live preview follows,
// survives a reload and a concurrent save, uploads evidence and submits; the town recommends
// (correcting a figure, with a reason), the district verifies; the scheduler scores, and the
// dashboard shows the unit's score and the designation rate against the target. axe-core
// checks every screen.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  afterAll,
  beforeAll,
  beforeEach,
  describe,
  expect,
  inject,
  it,
  onTestFailed,
} from 'vitest';
import { root } from '../../../scripts/lib.mjs';
import { seriousViolations } from './axe.ts';
import { type Browser, openBrowser, screenshot } from './browser.ts';
import { FAILURES_DIR } from './server.ts';

const origin = inject('origin');
const TENANT = 'e2e-liangkou';
const PASSWORD = 'kaoping-e2e-2024';
const ADMIN = { email: 'admin@e2e-liangkou.cn', name: '从化区人社局管理员' };
const REPORTER = { email: 'xitou@e2e-liangkou.cn', name: '溪头村就业专员' };
const TOWN = { email: 'town@e2e-liangkou.cn', name: '良口镇社会事务中心' };
const DISTRICT = { email: 'district@e2e-liangkou.cn', name: '从化区人社局审核员' };
const CYCLE = '良口镇2024年充分就业村居创建（测试）';
const PACK_TITLE = '广州市充分就业社区(村)建设标准(2024年修订版)';
const LIANGKOU_CSV = join(root, 'docs/samples/org-units-liangkou.csv');
/** Every figure of a real-looking unit (packages/standards/cli/examples). */
const FIGURES = JSON.parse(
  readFileSync(join(root, 'packages/standards/cli/examples/gz-huangzhulang.json'), 'utf8'),
) as Record<string, number | boolean>;

let browser: Browser;
let admin: Page;
let tailored = '';
let cycleUrl = '';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const field = (page: Page, label: string) =>
  page.getByLabel(new RegExp(`^${escapeRegExp(label)}( \\*)?$`));
const heading = (page: Page, name: string | RegExp) =>
  page.getByRole('heading', { level: 1, name, exact: typeof name === 'string' });
const nav = (page: Page, name: string) =>
  page.getByRole('navigation').getByRole('link', { name, exact: true });
const status = (page: Page, text: string | RegExp) =>
  page.getByRole('status').filter({ hasText: text });

async function expectAccessible(page: Page, where: string) {
  expect(await seriousViolations(page), `axe on ${where}`).toEqual([]);
}

async function noSideScroll(page: Page, where: string) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `horizontal scroll on ${where}`).toBeLessThanOrEqual(0);
}

async function apiToken(email: string): Promise<string> {
  const res = await fetch(`${origin}/v1/auth/signin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenant: TENANT, email, password: PASSWORD }),
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

async function api<T>(token: string, path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(`${origin}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, ...(init.headers ?? {}) },
  });
  expect(res.ok, `${init.method ?? 'GET'} ${path} → ${res.status}`).toBe(true);
  return (await res.json()) as T;
}

/** Invite someone from the people screen; the token shown once. */
async function invite(
  role: 'reporter' | 'reviewer',
  email: string,
  unit: string | null,
  stage?: string,
) {
  await field(admin, '电子邮箱').fill(email);
  await field(admin, '角色').selectOption(role);
  if (unit) {
    const value = await field(admin, '范围')
      .locator('option', { hasText: unit })
      .first()
      .getAttribute('value');
    await field(admin, '范围').selectOption(value!);
  } else {
    await field(admin, '范围').selectOption('');
  }
  if (stage) await field(admin, '审核阶段').fill(stage);
  await admin.getByRole('button', { name: '生成邀请' }).click();
  await expect.poll(() => admin.getByText(`已邀请 ${email}`).isVisible()).toBe(true);
  const token = await field(admin, '邀请令牌').inputValue();
  await admin.getByRole('button', { name: '我已保存，关闭' }).click();
  return token;
}

/** The invitee joins in a tab of their own (sessionStorage is per tab) and signs in. */
async function joinAs(token: string, person: { email: string; name: string }): Promise<Page> {
  const tab = await browser.context.newPage();
  browser.watch(tab);
  await tab.goto(`${origin}/join#token=${encodeURIComponent(token)}`);
  await expect.poll(() => heading(tab, '接受邀请').isVisible()).toBe(true);
  await field(tab, '姓名').fill(person.name);
  await field(tab, '设置密码').fill(PASSWORD);
  await field(tab, '再次输入密码').fill(PASSWORD);
  await tab.getByRole('button', { name: '加入' }).click();
  await tab.waitForURL(`${origin}/signin`);
  await field(tab, '密码').fill(PASSWORD);
  await field(tab, '密码').press('Enter');
  await expect.poll(() => heading(tab, '概览').isVisible()).toBe(true);
  return tab;
}

/** From 待办, open the unit waiting in the list titled `list`. */
async function openFromQueue(tab: Page, list: RegExp, unit: string) {
  await nav(tab, '待办').click();
  await expect.poll(() => heading(tab, '待办').isVisible()).toBe(true);
  const section = tab.getByRole('region', { name: list });
  await expect
    .poll(() => section.getByRole('link', { name: `打开 ${unit}` }).isVisible())
    .toBe(true);
  await expectAccessible(tab, `work queue (${list})`);
  await section.getByRole('link', { name: `打开 ${unit}` }).click();
  await expect.poll(() => heading(tab, `${unit} · 填报与审核`).isVisible()).toBe(true);
}

/** Reload the dashboard's figures and wait until `section` has loaded them. */
async function refreshDashboard(section: ReturnType<Page['getByRole']>) {
  await admin.getByRole('button', { name: '刷新' }).click();
  await section
    .getByText('正在载入…')
    .waitFor({ state: 'detached', timeout: 20_000 })
    .catch(() => undefined);
}

const previewText = (tab: Page) => tab.locator('.preview-status').textContent();

beforeAll(async () => {
  browser = await openBrowser(origin);
  admin = browser.page;
  browser.context.setDefaultTimeout(15_000);
});

afterAll(async () => {
  await browser?.close();
});

// A failed step leaves a picture of every open tab beside the workers' logs (FAILURES_DIR).
beforeEach((ctx) => {
  onTestFailed(async () => {
    const dir = FAILURES_DIR;
    const pages = browser?.context.pages() ?? [];
    for (const [i, page] of pages.entries()) {
      const name = `${ctx.task.name.replace(/[^\w一-龥]+/g, '-').slice(0, 60)}-${i}.png`;
      await page.screenshot({ path: join(dir, name), fullPage: true }).catch(() => undefined);
    }
  });
});

describe('a district sets up its campaign', () => {
  it('signs up and signs in', async () => {
    await admin.goto(`${origin}/signup`);
    await expect.poll(() => heading(admin, '注册新租户').isVisible()).toBe(true);
    await field(admin, '单位名称').fill('从化区人社局（战役测试）');
    await field(admin, '租户代码').fill(TENANT);
    await field(admin, '行政级别').selectOption('district');
    await field(admin, '管辖区域名称').fill('从化区');
    await field(admin, '姓名').fill(ADMIN.name);
    await field(admin, '电子邮箱').fill(ADMIN.email);
    await field(admin, '设置密码').fill(PASSWORD);
    await field(admin, '再次输入密码').fill(PASSWORD);
    await admin.getByRole('button', { name: '注册', exact: true }).click();
    await admin.waitForURL(`${origin}/signin`);
    await field(admin, '密码').fill(PASSWORD);
    await field(admin, '密码').press('Enter');
    await expect.poll(() => heading(admin, '概览').isVisible()).toBe(true);
  });

  it('tailors the Guangzhou pack: numbers beside the parent’s, lint beside the field, publish', async () => {
    await nav(admin, '标准包').click();
    const gz = admin.getByRole('region', { name: `${PACK_TITLE} 的版本` });
    await gz.getByRole('link', { name: '2024.1', exact: true }).click();
    await expect.poll(() => heading(admin, `${PACK_TITLE} 2024.1`).isVisible()).toBe(true);
    await admin.getByRole('button', { name: '派生本地定制版本' }).click();
    await expect.poll(() => heading(admin, /^定制 .* 2024\.1-/).isVisible()).toBe(true);
    tailored = /2024\.1-[\w.-]+$/.exec((await admin.locator('h1').textContent()) ?? '')![0];
    await expect.poll(() => admin.getByText(/检查结果：0 个错误/).isVisible()).toBe(true);

    const item = admin.getByRole('article', { name: /^一\.1 / });
    const first = item.getByLabel('基础分 · 第1档 · 阈值 (%)');
    expect(await first.inputValue()).toBe('90');
    expect(await item.getByText('上级版本：90').first().isVisible()).toBe(true);
    // A second band above the first can never be reached: the linter says so beside it.
    const second = item.getByLabel('基础分 · 第2档 · 阈值 (%)');
    await second.fill('95');
    await admin.getByRole('button', { name: '保存草稿并检查' }).click();
    await expect.poll(() => admin.getByText(/检查结果：[1-9]\d* 个错误/).isVisible()).toBe(true);
    const secondField = item.locator('.tailor-number').filter({ hasText: '基础分 · 第2档 · 阈值' });
    await expect.poll(() => secondField.locator('.field-error').count()).toBeGreaterThan(0);
    expect(await second.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(admin, 'tailoring with lint errors');
    await secondField.scrollIntoViewIfNeeded();
    await screenshot(admin, 'pack-tailoring');

    await second.fill('85');
    await first.fill('92');
    await item.getByLabel('调整说明（中文）').fill('从化区提高第一档要求');
    await item.getByLabel('调整说明（英文）').fill('Conghua raises the first band');
    await admin.getByRole('button', { name: '保存草稿并检查' }).click();
    await expect.poll(() => admin.getByText(/检查结果：0 个错误/).isVisible()).toBe(true);
    expect(await item.getByText('已调整').isVisible()).toBe(true);
    await admin.getByRole('button', { name: '发布', exact: true }).click();
    await expect.poll(() => heading(admin, `${PACK_TITLE} ${tailored}`).isVisible()).toBe(true);
    expect(await admin.locator('[id="item-一.1"] .rule').textContent()).toContain('≥92%得8分');
  });

  it('selects (pins) the built-in version and the tailored one', async () => {
    await nav(admin, '标准包').click();
    const pins = admin.getByRole('region', { name: '选用的标准版本' });
    await expect.poll(() => pins.getByText('尚未选用任何版本').isVisible()).toBe(true);
    for (const version of ['2024.1', tailored]) {
      await field(admin, '选用版本').selectOption(`gz.full-employment@${version}`);
      await field(admin, '生效日期').fill('2023-10-01');
      await pins.getByRole('button', { name: '选用', exact: true }).click();
      await expect
        .poll(() => status(admin, `已选用 gz.full-employment@${version}`).isVisible())
        .toBe(true);
    }
    await expect.poll(() => pins.getByRole('row').count()).toBe(3);
    await expectAccessible(admin, 'pack catalog with pins');
  });

  it('imports the Liangkou units', async () => {
    await nav(admin, '组织架构').click();
    await field(admin, 'CSV 文件').setInputFiles(LIANGKOU_CSV);
    await admin.getByRole('button', { name: '导入', exact: true }).click();
    await expect
      .poll(() => admin.getByText('导入完成：新建 24 个，已存在未变 0 个。').isVisible())
      .toBe(true);
  });

  it('opens a cycle: pack version and parameters, units in scope, targets, milestones', async () => {
    await nav(admin, '考核周期').click();
    await expect.poll(() => heading(admin, '考核周期').isVisible()).toBe(true);
    await expect.poll(() => field(admin, '达标分数线').isVisible()).toBe(true);
    await expectAccessible(admin, 'cycles');
    await field(admin, '周期名称').fill(CYCLE);
    await field(admin, '标准包版本').selectOption('gz.full-employment@2024.1');
    await field(admin, '报告期起').fill('2023-10-01');
    await field(admin, '报告期止').fill('2024-09-30');
    // Typed from the pack: the pass mark is a number from 0 to 110.
    await field(admin, '达标分数线').fill('120');
    await admin.getByRole('button', { name: '新建周期' }).click();
    await expect
      .poll(() => admin.locator('#param-passMark-error').textContent())
      .toBe('应在 0 到 110 之间');
    await field(admin, '达标分数线').fill('80');
    await admin.getByRole('button', { name: '新建周期' }).click();
    await expect.poll(() => heading(admin, CYCLE).isVisible()).toBe(true);
    cycleUrl = admin.url();

    const scope = admin.getByRole('region', { name: /^参评单位/ });
    for (const [kind, count] of [
      ['community', 2],
      ['village', 21],
    ] as const) {
      await field(admin, '单位类型').first().selectOption(kind);
      await scope.getByRole('button', { name: '全选' }).click();
      await scope.getByRole('button', { name: `纳入所选 ${count} 个单位` }).click();
      await expect.poll(() => status(admin, `已纳入 ${count} 个单位`).isVisible()).toBe(true);
    }
    await expect
      .poll(() => scope.getByRole('heading', { name: '参评单位（23 个）' }).isVisible())
      .toBe(true);

    const targets = admin.getByRole('region', { name: '建设目标' });
    for (const [i, kind, rate, count] of [
      [1, 'community', '75', '2'],
      [2, 'village', '70', ''],
    ] as const) {
      await targets.getByRole('button', { name: '添加目标' }).click();
      const row = targets.getByRole('group', { name: `目标 ${i}` });
      const liangkou = await row
        .getByLabel('辖区')
        .locator('option', { hasText: '良口镇' })
        .getAttribute('value');
      await row.getByLabel('辖区').selectOption(liangkou!);
      await row.getByLabel('单位类型').selectOption(kind);
      await row.getByLabel('认定率目标（%）').fill(rate);
      await row.getByLabel('至少单位数（选填）').fill(count);
    }
    await targets.getByRole('button', { name: '保存目标' }).click();
    await expect.poll(() => status(admin, '目标已保存').isVisible()).toBe(true);

    const milestones = admin.getByRole('region', { name: '时间节点' });
    // Long past: every unit that has not submitted by then is flagged by the scheduler.
    await milestones.getByLabel('类型').selectOption('submission');
    await milestones.getByLabel('届时应达到的状态').selectOption('submitted');
    await milestones.getByLabel('名称（中文）').fill('自评材料报送');
    await milestones.getByLabel('名称（英文）').fill('Self-assessment filed');
    await milestones.getByLabel('截止日期').fill('2024-01-10');
    await milestones.getByLabel('时刻').fill('17:00');
    await milestones.getByRole('button', { name: '添加', exact: true }).click();
    await expect.poll(() => milestones.getByText('自评材料报送').isVisible()).toBe(true);
    // Weekly, like 003's 每周四下午4点前.
    await milestones.getByLabel('类型').selectOption('progress_report');
    await milestones.getByLabel('名称（中文）').fill('每周进度报告');
    await milestones.getByLabel('名称（英文）').fill('Weekly progress report');
    await milestones.getByLabel('每周重复（如“每周四下午4点前”）').check();
    await milestones.getByLabel('自哪天起').fill('2030-01-01');
    await milestones.getByLabel('时刻').fill('16:00');
    await milestones.getByLabel('星期').selectOption('4');
    await milestones.getByRole('button', { name: '添加', exact: true }).click();
    await expect
      .poll(() => milestones.getByText(/自 2030-01-01 起每周四 16:00/).isVisible())
      .toBe(true);

    await admin.getByRole('button', { name: '开启周期' }).click();
    await admin.getByRole('button', { name: '确认' }).click();
    await expect.poll(() => admin.locator('.facts dd').first().textContent()).toBe('进行中');
    await expectAccessible(admin, 'cycle');
    await screenshot(admin, 'cycle', true);
  });

  it('previews switching to the tailored version: who gains or loses', async () => {
    const section = admin.getByRole('region', { name: '切换标准包版本' });
    await section.getByLabel('切换到').selectOption(tailored);
    await section.getByRole('button', { name: '试算对比' }).click();
    await expect.poll(() => section.getByText(/共 23 个单位/).isVisible()).toBe(true);
    await expectAccessible(admin, 'switch-version preview');
    await section.getByRole('button', { name: '取消' }).click();
  });
});

describe('the campaign runs', () => {
  let reporter: Page;
  let town: Page;
  let district: Page;

  it('invites a reporter and two reviewers, who join', async () => {
    await nav(admin, '人员与邀请').click();
    await expect.poll(() => heading(admin, '人员与邀请').isVisible()).toBe(true);
    const tokens = {
      reporter: await invite('reporter', REPORTER.email, '溪头村'),
      town: await invite('reviewer', TOWN.email, '良口镇', 'recommended'),
      district: await invite('reviewer', DISTRICT.email, null, 'verified'),
    };
    reporter = await joinAs(tokens.reporter, REPORTER);
    town = await joinAs(tokens.town, TOWN);
    district = await joinAs(tokens.district, DISTRICT);
  });

  it('the reporter enters 溪头村’s figures, watching the live preview follow', async () => {
    await openFromQueue(reporter, /我负责的单位$/, '溪头村');
    await expect.poll(() => previewText(reporter)).toMatch(/^试算得分 /);
    const before = await previewText(reporter);
    await reporter.locator('#in-registeredUnemployed').fill('48');
    await reporter.locator('#in-unemployedDeregisteredNonEmployment').fill('2');
    await reporter.locator('#in-unemployedReemployed').fill('43');
    await reporter.locator('#in-unemployedBaseUnclear').selectOption('false');
    await reporter.locator('#in-unemployedSampled').fill('0');
    await expect.poll(() => previewText(reporter)).not.toBe(before);
    const item = reporter.locator('.live-preview [data-item="一.1"]');
    await expect
      .poll(() => item.locator('.explanation').textContent())
      .toContain('失业人员再就业率 = 43 ÷ (48 − 2)');
    expect(await item.locator('.points').textContent()).toBe('8 / 8 分');
    // A bad value is refused beside its field, before anything is sent.
    await reporter.locator('#in-difficultTotal').fill('-3');
    await reporter.getByRole('button', { name: '保存草稿' }).click();
    await expect
      .poll(() => reporter.locator('#in-difficultTotal-error').textContent())
      .toBe('应为非负整数');
    await reporter.locator('#in-difficultTotal').fill('25');
    await expectAccessible(reporter, 'data entry');
    await reporter.evaluate(() => window.scrollTo(0, 0));
    await screenshot(reporter, 'data-entry');
  });

  it('keeps unsaved figures across a reload, then saves the draft', async () => {
    await reporter.reload();
    await expect.poll(() => heading(reporter, '溪头村 · 填报与审核').isVisible()).toBe(true);
    await expect
      .poll(() => reporter.getByText(/已恢复本标签页中未保存的输入/).isVisible())
      .toBe(true);
    expect(await reporter.locator('#in-registeredUnemployed').inputValue()).toBe('48');
    expect(await reporter.locator('#in-difficultTotal').inputValue()).toBe('25');
    await reporter.getByRole('button', { name: '保存草稿' }).click();
    await expect.poll(() => status(reporter, /^已保存/).isVisible()).toBe(true);
  });

  it('shows a concurrent save side by side, and keeps what was typed', async () => {
    // Someone else (the admin, through the API) saves the same submission meanwhile.
    const token = await apiToken(ADMIN.email);
    const id = new URL(reporter.url()).pathname.split('/').pop()!;
    const current = await api<{ etag: string }>(token, `/v1/submissions/${id}`);
    await api(token, `/v1/submissions/${id}/inputs`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', 'if-match': current.etag },
      body: JSON.stringify({ inputs: { difficultEmployed: 20 } }),
    });
    await reporter.locator('#in-difficultEmployed').fill('21');
    await reporter.getByRole('button', { name: '保存草稿' }).click();
    const conflict = reporter.getByRole('alert').filter({ hasText: '他人已修改此填报' });
    await expect.poll(() => conflict.isVisible()).toBe(true);
    const row = conflict.getByRole('row', { name: /困难人员/ }).first();
    expect(await row.getByRole('cell').allTextContents()).toEqual(['21', '20']);
    await expectAccessible(reporter, 'save conflict');
    await screenshot(reporter, 'data-entry-conflict');
    await conflict.getByRole('button', { name: '载入对方版本并保留我的输入' }).click();
    expect(await reporter.locator('#in-difficultEmployed').inputValue()).toBe('21');
    await reporter.getByRole('button', { name: '保存草稿' }).click();
    await expect.poll(() => status(reporter, /^已保存/).isVisible()).toBe(true);
  });

  it('fills in every figure, uploads evidence (refusing one too large) and submits', async () => {
    for (const [id, value] of Object.entries(FIGURES)) {
      const control = reporter.locator(`#in-${id}`);
      if ((await control.count()) === 0) continue;
      if (['registeredUnemployed', 'unemployedDeregisteredNonEmployment'].includes(id)) continue;
      if (['unemployedReemployed', 'difficultEmployed', 'difficultTotal'].includes(id)) continue;
      if ((await control.evaluate((e) => e.tagName)) === 'SELECT') {
        await control.selectOption(String(value));
      } else {
        await control.fill(String(value));
      }
    }
    await reporter.getByRole('button', { name: '保存草稿' }).click();
    await expect.poll(() => status(reporter, /^已保存/).isVisible()).toBe(true);

    const evidence = reporter.getByRole('region', { name: '佐证材料' });
    await evidence.getByLabel('选择文件').setInputFiles({
      name: 'ledger-scan.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.alloc(10 * 1024 * 1024 + 1, 0x25),
    });
    await expect
      .poll(() => reporter.locator('#evidence-file-error').textContent())
      .toBe('文件 10.0 MB，超过 10 MB 上限');
    await evidence.getByLabel('选择文件').setInputFiles({
      name: 'ledger.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('溪头村 2024 年登记失业人员台账（汇总，不含个人信息）\n共 48 人\n'),
    });
    await evidence.getByLabel('关联指标').selectOption('一.1');
    await evidence.getByRole('button', { name: '上传', exact: true }).click();
    await expect.poll(() => status(reporter, '已上传“ledger.txt”').isVisible()).toBe(true);
    expect(await evidence.getByRole('list').textContent()).toContain(
      '一.1 登记失业人员就业率达80%',
    );

    // Phone width: the form, the preview and the evidence stack without sideways scrolling.
    await reporter.setViewportSize({ width: 375, height: 800 });
    await noSideScroll(reporter, 'data entry at 375 px');
    await expectAccessible(reporter, 'data entry at 375 px');
    await screenshot(reporter, 'data-entry-phone');
    await reporter.setViewportSize({ width: 1280, height: 800 });

    await reporter.getByRole('button', { name: '提交审核' }).click();
    await expect.poll(() => status(reporter, '已提交，等待下一环节审核').isVisible()).toBe(true);
    expect(await reporter.locator('.submission-head .status').textContent()).toBe('已提交');
    expect(await reporter.getByRole('button', { name: '保存草稿' }).count()).toBe(0);
  });

  it('the town corrects a figure with a reason and recommends', async () => {
    await openFromQueue(town, /镇评估推荐环节$/, '溪头村');
    await expect
      .poll(() => town.getByRole('heading', { name: '核实与更正数据' }).isVisible())
      .toBe(true);
    await town.locator('#in-unemployedSampled').fill('10');
    await town.locator('#in-unemployedSampleMismatched').fill('0');
    await town.getByRole('button', { name: '保存草稿' }).click();
    await expect
      .poll(() => town.locator('#correction-reason-error').textContent())
      .toBe('更正上报数据须说明理由');
    await town.getByLabel('更正理由（必填）').fill('镇抽查 10 人，去向与台账一致');
    await town.getByRole('button', { name: '保存草稿' }).click();
    await expect.poll(() => status(town, /^已保存/).isVisible()).toBe(true);
    await expect
      .poll(() => town.getByText(/已更正：20 人 → 10 人（理由：镇抽查 10 人/).isVisible())
      .toBe(true);
    await expectAccessible(town, 'review');
    await screenshot(town, 'review');
    await town.getByRole('button', { name: '推荐', exact: true }).click();
    await expect.poll(() => status(town, '已推荐至下一环节').isVisible()).toBe(true);
  });

  it('the district verifies', async () => {
    await openFromQueue(district, /区核定环节$/, '溪头村');
    await district.getByRole('button', { name: '核定', exact: true }).click();
    await expect.poll(() => status(district, '已核定').isVisible()).toBe(true);
    expect(await district.locator('.submission-head .status').textContent()).toBe('已核定');
  });
});

describe('the dashboard', () => {
  it('shows 溪头村’s score as the scheduler recorded it, with each item’s explanation', async () => {
    await admin.goto(cycleUrl);
    await admin.getByRole('link', { name: '打开进度看板 →' }).click();
    await expect.poll(() => heading(admin, `${CYCLE} · 进度看板`).isVisible()).toBe(true);
    const scores = admin.getByRole('region', { name: '各单位得分' });
    const row = scores.getByRole('row', { name: /溪头村/ });
    await expect
      .poll(
        async () => {
          await refreshDashboard(scores);
          return row
            .getByRole('cell')
            .nth(1)
            .textContent({ timeout: 1000 })
            .catch(() => null);
        },
        { timeout: 60_000, interval: 1_000 },
      )
      .toBe('已核定');
    // The same figure the scores API serves.
    const token = await apiToken(ADMIN.email);
    const cycleId = new URL(cycleUrl).pathname.split('/').pop()!;
    const units = await api<{ items: { name: string; org_unit_id: string }[] }>(
      token,
      `/v1/cycles/${cycleId}/units?limit=200`,
    );
    const xitou = units.items.find((u) => u.name === '溪头村')!;
    const recorded = await api<{ items: { stage: string; total: number; max: number }[] }>(
      token,
      `/v1/scores?cycle_id=${cycleId}&org_unit_id=${xitou.org_unit_id}&view=summary`,
    );
    const latest = recorded.items.find((s) => s.stage === 'publicised') ?? recorded.items.at(-1)!;
    expect(await row.getByRole('cell').nth(2).textContent()).toBe(
      `${latest.total} / ${latest.max}`,
    );
    await row.getByRole('button', { name: '溪头村' }).click();
    const card = admin.getByRole('region', { name: '溪头村 的评分明细' });
    await expect
      .poll(() => card.locator('[data-item="一.1"] .explanation').textContent())
      .toContain('失业人员再就业率 =');
  });

  it('shows the designation rate against the target, as a chart and a table', async () => {
    await field(admin, '单位类型').selectOption('village');
    const liangkou = await field(admin, '辖区')
      .locator('option', { hasText: '良口镇' })
      .getAttribute('value');
    await field(admin, '辖区').selectOption(liangkou!);
    const rate = admin.getByRole('region', { name: '称号认定率与目标（村）' });
    await expect
      .poll(() => rate.locator('.rate-headline').textContent())
      .toMatch(/^认定率 0(\.00)?%，目标 70(\.00)?%，还需 15 个单位/);
    expect(await rate.getByRole('img', { name: /各辖区称号认定率与目标（村）/ }).count()).toBe(1);
    const table = rate.getByRole('table');
    expect(
      await table
        .getByRole('row', { name: /^良口镇/ })
        .getByRole('cell')
        .allTextContents(),
    ).toEqual(['21', '0', '0%', '70% · 未达标', '15']);
    const progress = admin.getByRole('region', { name: /^进度：良口镇/ });
    expect(await progress.textContent()).toContain('参评 21 个');
    expect(
      await progress.getByRole('progressbar', { name: /^已核定：1 个，共 21 个/ }).count(),
    ).toBe(1);
  });

  it('shows overdue milestones, re-scores on demand and exports', async () => {
    const flags = admin.getByRole('region', { name: '逾期提醒' });
    await expect
      .poll(
        async () => {
          await refreshDashboard(flags);
          return flags.getByText('自评材料报送').count();
        },
        { timeout: 60_000, interval: 1_000 },
      )
      .toBeGreaterThan(0);
    const runs = admin.getByRole('region', { name: '评分任务' });
    await runs.getByRole('button', { name: '立即重新评分' }).click();
    await expect
      .poll(() => runs.getByText(/^手动 · 已完成/).count(), { timeout: 60_000, interval: 1_000 })
      .toBeGreaterThan(0);
    const exports = admin.getByRole('region', { name: '导出' });
    const [download] = await Promise.all([
      admin.waitForEvent('download'),
      exports.getByRole('button', { name: '单位汇总（XLSX）' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    await expectAccessible(admin, 'dashboard');
    await screenshot(admin, 'dashboard', true);
    await admin.setViewportSize({ width: 375, height: 800 });
    await noSideScroll(admin, 'dashboard at 375 px');
    await expectAccessible(admin, 'dashboard at 375 px');
    await admin.setViewportSize({ width: 1280, height: 800 });
  });

  it('met no CSP violation and no uncaught error on the way', () => {
    expect(browser.problems).toEqual([]);
  });
});
