import { beforeAll, describe, expect, it } from 'vitest';
import {
  chainReviewers,
  freshCycle,
  saveInputs,
  step,
  submissionOf,
} from '../../../test/campaign.ts';
import { createTestTenant, databaseFingerprint, type TestTenant } from '../../../test/factories.ts';
import { call, callJson, freshIp, type Problem } from '../../../test/http.ts';
import { burstUntilRefused, expectRefused } from '../../../test/rate-limit-burst.ts';
import { gzFullEmploymentInputs } from '../../seed/invented-inputs.ts';

/**
 * Publicity (公示): the cycle's public link lists the units under publicity and takes
 * objections from anyone holding it — no sign-in, a strict body, rate-limited, personal data
 * taken out and never echoed. A reviewer resolves each: dismissed, or upheld, which returns the
 * unit to the stage before publicity. Publication waits for every objection.
 */

let t: TestTenant;
let reviewers: Awaited<ReturnType<typeof chainReviewers>>;
let link: string;
let submissionId: string;

beforeAll(async () => {
  t = await createTestTenant();
  reviewers = await chainReviewers(t);
  ({ link, submissionId } = await publicisedCycle());
});

/** A fresh cycle whose one village is under publicity for an hour: its public link and submission. */
async function publicisedCycle() {
  const cycle = await freshCycle(t, { units: [{ org_unit_id: t.units.village.id }] });
  const id = (await submissionOf(t, cycle.id, t.units.village.id)).id;
  await saveInputs(id, t.tokens.reporter, gzFullEmploymentInputs('甲村', 'village', 0.7));
  await step(id, t.tokens.reporter, { action: 'submit' });
  await step(id, t.tokens.reviewer, { action: 'recommend' });
  await step(id, reviewers.verified.token, { action: 'verify' });
  await step(id, reviewers.publicised.token, {
    action: 'publicise',
    publicity_ends_at: new Date(Date.now() + 3_600_000).toISOString(),
  });
  return { link: cycle.publicPath, submissionId: id, cycleId: cycle.id };
}

describe('the public link', () => {
  it('shows the units under publicity, by name and score, to anyone holding it', async () => {
    const page = await callJson<{
      cycle: { name: string };
      units: { submission_id: string; unit_name: string; publicity_ends_at: string }[];
    }>(link);
    expect(page.units).toEqual([
      expect.objectContaining({ submission_id: submissionId, unit_name: t.units.village.name }),
    ]);
    const text = JSON.stringify(page);
    expect(text).not.toContain(t.people.reporter.email);
    expect(text).not.toContain(t.units.village.id);
  });

  it('answers a token never issued, or malformed, as not found', async () => {
    for (const token of [`kpo_${'Z'.repeat(43)}`, 'kpo_short', '../../v1/people']) {
      const res = await call(`/v1/public/objections/${encodeURIComponent(token)}`);
      expect(res.status).toBe(404);
    }
  });

  it('takes an objection without repeating it, with ID-card and mobile numbers removed', async () => {
    const res = await call(link, {
      body: {
        submission_id: submissionId,
        text: '该村报告的就业困难人员就业率偏高。举报人 李某，身份证４４０１１１１９９００１０１００１Ｘ，电话 139-1234-5678。',
      },
    });
    expect(res.status).toBe(201);
    const receipt = (await res.json()) as Record<string, unknown>;
    expect(receipt.personal_data_removed).toBe(true);
    expect(JSON.stringify(receipt)).not.toContain('就业率偏高');
    const stored = await callJson<{ items: { text: string; status: string }[] }>(
      `/v1/cycles/${(await submissionCycle()).id}/objections`,
      { token: t.tokens.admin },
    );
    const text = stored.items[0]!.text;
    expect(text).toContain('就业率偏高');
    expect(text).not.toMatch(/440111|1234/);
    expect(text.match(/〔已隐去〕/g)).toHaveLength(2);
  });

  it('refuses a strict body’s extra fields and a unit not under publicity, storing nothing', async () => {
    const before = await databaseFingerprint();
    const extra = await call(link, {
      body: { submission_id: submissionId, text: '有问题需要核实。', contact: 'x' },
    });
    expect(extra.status).toBe(400);
    expect(((await extra.json()) as Problem).errors![0]!.path).toBe('body.contact');
    const other = await call(link, {
      body: { submission_id: 'sub_00000000000000000000000000000000', text: '有问题需要核实。' },
    });
    expect(other.status).toBe(404);
    expect(await databaseFingerprint()).toEqual(before);
  });

  it('files a retried objection once: the same Idempotency-Key gets the first receipt back', async () => {
    const own = await publicisedCycle();
    const objections = async () =>
      (
        await callJson<{ items: { id: string }[] }>(`/v1/cycles/${own.cycleId}/objections`, {
          token: t.tokens.admin,
        })
      ).items;
    const key = crypto.randomUUID();
    const body = { submission_id: own.submissionId, text: '该村公示的登记失业人数与台账不一致。' };
    const send = (b: unknown, k = key) =>
      call(own.link, { body: b, headers: { 'idempotency-key': k } });
    const first = await send(body);
    expect(first.status).toBe(201);
    const receipt = await first.json();
    // The citizen's connection dropped after the server committed: the retry files nothing new.
    const retry = await send(body);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await retry.json()).toEqual(receipt);
    expect((await objections()).map((o) => o.id)).toEqual([(receipt as { id: string }).id]);

    // The same key for another text is refused; a malformed key or an unknown link likewise,
    // and none of them stores anything.
    const before = await databaseFingerprint();
    const other = await send({ ...body, text: '另一条不同的异议内容。' });
    expect(other.status).toBe(422);
    expect(other.headers.get('content-type')).toContain('application/problem+json');
    expect((await send(body, 'short')).status).toBe(400);
    const unknown = await call(`/v1/public/objections/kpo_${'Z'.repeat(43)}`, {
      body,
      headers: { 'idempotency-key': crypto.randomUUID() },
    });
    expect(unknown.status).toBe(404);
    expect(await databaseFingerprint()).toEqual(before);
    // Without a key, a second sending is a second objection (two people may say the same).
    expect((await call(own.link, { body })).status).toBe(201);
    expect(await objections()).toHaveLength(2);
  });

  it('is rate-limited per address and link: a burst gets 429 with Retry-After', async () => {
    // OBJECTION_LIMITER allows 5 a minute per address and link (wrangler.toml).
    const ip = freshIp();
    const burst = await burstUntilRefused(5, () => call(link, { ip }));
    expectRefused(burst, 5);
    expect(burst.statuses.slice(0, burst.passed).every((s) => s === 200)).toBe(true);
  });
});

async function submissionCycle() {
  return callJson<{ cycle_id: string; id: string }>(`/v1/submissions/${submissionId}`, {
    token: t.tokens.admin,
  }).then((s) => ({ id: s.cycle_id }));
}

describe('resolving objections', () => {
  it('publication waits; an upheld objection returns the unit to 区核定; resolved once only', async () => {
    const cycleId = (await submissionCycle()).id;
    const open = await callJson<{ items: { id: string }[] }>(
      `/v1/cycles/${cycleId}/objections?status=open`,
      { token: reviewers.publicised.token },
    );
    expect(open.items).toHaveLength(1);
    const id = open.items[0]!.id;
    // A reviewer of another stage (the town) may not resolve it; nor may clients or reporters.
    for (const token of [t.tokens.reviewer, t.tokens.reporter, t.tokens.admin]) {
      const res = await call(`/v1/objections/${id}/resolve`, {
        token,
        body: { decision: 'dismiss', reason: '无' },
      });
      expect(res.status).toBe(403);
    }
    const upheld = await callJson<{ status: string; resolution: string }>(
      `/v1/objections/${id}/resolve`,
      {
        token: reviewers.publicised.token,
        body: { decision: 'uphold', reason: '经核查，就业困难人员台账有误' },
        expect: 200,
      },
    );
    expect(upheld).toMatchObject({ status: 'upheld', resolution: '经核查，就业困难人员台账有误' });
    const back = await callJson<{
      status: string;
      stage: string;
      return_reason: string;
      publicity_ends_at: string | null;
    }>(`/v1/submissions/${submissionId}`, { token: t.tokens.admin });
    expect(back).toMatchObject({
      status: 'recommended',
      stage: 'verified',
      publicity_ends_at: null,
    });
    expect(back.return_reason).toContain('异议成立');
    const again = await call(`/v1/objections/${id}/resolve`, {
      token: reviewers.publicised.token,
      body: { decision: 'dismiss', reason: '重复' },
    });
    expect(again.status).toBe(409);
    const history = await callJson<{
      items: { action: string; from_stage: string; to_stage: string }[];
    }>(`/v1/submissions/${submissionId}/transitions`, { token: t.tokens.admin });
    expect(history.items.at(-1)).toMatchObject({
      action: 'objection_upheld',
      from_stage: 'published',
      to_stage: 'verified',
    });
    // Off the public list now.
    const page = await callJson<{ units: unknown[] }>(link);
    expect(page.units).toEqual([]);
  });
});
