import { stageDataHash } from '@kaoping/db/scoring-work';
import {
  type Assessment,
  contentHash,
  findBuiltInPack,
  type Pack,
  score,
  type UnitKind,
} from '@kaoping/standards';
import {
  buildChain,
  type ChainStage,
  STATUS_AFTER,
  type StageRequest,
  statusAt,
} from '../services/cycles/review-chain.ts';
import { SEAL_FORMAT, sealOf } from '../services/submissions/seal-document.ts';
import type { DemoTenant } from './demo-data.ts';
import {
  gzFullEmploymentInputs,
  gzHqeVillageInputs,
  provinceCityInputs,
  provinceJudgements,
  ycJudgements,
  ycVillageInputs,
} from './invented-inputs.ts';
import {
  DEMO_PASS_MARK,
  inventedQuality,
  LIANGKOU_FULL_EMPLOYMENT_UNITS,
  LIANGKOU_HQE_VILLAGES,
  LIANGKOU_MILESTONES,
  LIANGKOU_PERIOD,
  LIANGKOU_TARGETS,
} from './liangkou-plan.ts';
import { insert, type SeedStatement, stableId } from './seed-sql.ts';

/**
 * The demo campaigns `pnpm dev` shows, as idempotent INSERT OR IGNORE statements on stable
 * ids (applying them twice leaves the same rows):
 * - Liangkou's 2024 full-employment cycle: the 23 units of 000_… 附件2 at every step of
 *   自评 → 镇评估推荐 → 区核定 → 公示 → 市公布 (drafts, one returned, some submitted, recommended,
 *   verified, under publicity with an open objection, published and sealed, one revoked), the
 *   75 % / 70 % targets and the plan's milestones;
 * - Liangkou's four 高质量就业村 (附件3), self-assessed by the end of August;
 * - Yichun 2023, city level, 洪江村 and 梅州村 (003_…), judged at county and city, with weekly
 *   progress reports every Thursday 16:00 from July;
 * - the province table over four cities at its three stages (001_…).
 * Every figure and judgement is INVENTED (invented-inputs.ts). Stage rows are left to score
 * (dirty = 1): the scheduler computes the scores on its first tick.
 */

interface DemoUnitPlan {
  name: string;
  kind: UnitKind;
  /** Index of the stage it has reached (the chain's length once published). */
  reached: number;
  /** The data at each stage it reached (the previous stage's when absent). */
  data: (
    stage: ChainStage,
  ) => { inputs: Record<string, unknown>; assessments?: Record<string, unknown> } | undefined;
  returnedWith?: string;
  revokedWith?: string;
  publicityEndsAt?: string;
  objection?: { text: string; resolution?: string };
}

interface DemoCampaign {
  key: string;
  name: string;
  pack: Pack;
  parameters: Record<string, unknown>;
  references?: Record<string, number>;
  period: { start: string; end: string };
  stages?: StageRequest[];
  status: 'open' | 'closed';
  targets: { unit: string; unitKind: string; ratePercent: number; count: number | null }[];
  milestones: {
    type: string;
    title: { zh: string; en: string };
    due_at: string;
    required_status: string | null;
    recurrence?: Record<string, unknown>;
  }[];
  units: DemoUnitPlan[];
  /** When the first step was taken; each later step a few days after. */
  startedAt: string;
  reports?: { unit: string; dueAt: string; text: string }[];
}

const DAY = 86_400_000;
const at = (start: string, days: number) => new Date(Date.parse(start) + days * DAY).toISOString();

function liangkouFullEmployment(): DemoCampaign {
  const pack = findBuiltInPack('gz.full-employment@2024.1')!;
  // Where each of the 23 units stands (index into the five-stage chain; 5 = published).
  const reached: Record<string, number> = {
    良新村: 0,
    米埗村: 5,
    和丰村: 1,
    良平村: 5,
    塘尾村: 2,
    少沙村: 1,
    良明村: 5,
    磻溪村: 2,
    塘料村: 5,
    高沙村: 5,
    联群村: 1,
    胜塘村: 3,
    长流村: 3,
    北溪村: 5,
    合群村: 4,
    梅树村: 2,
    锦村: 4,
    乐明村: 3,
    下溪村: 5,
    溪头村: 5,
    东星村: 4,
    黄竹塱社区: 0,
    彩虹社区: 0,
  };
  return {
    key: 'liangkou-fe-2024',
    name: '良口镇2024年充分就业社区(村)创建',
    pack,
    parameters: { passMark: DEMO_PASS_MARK.fullEmployment },
    period: LIANGKOU_PERIOD,
    status: 'open',
    startedAt: '2024-10-08T02:00:00.000Z',
    targets: LIANGKOU_TARGETS.map((t) => ({ unit: '良口镇', ...t })),
    milestones: LIANGKOU_MILESTONES.map((m) => ({
      ...m,
      due_at: new Date(m.due_at).toISOString(),
    })),
    units: LIANGKOU_FULL_EMPLOYMENT_UNITS.map((u, i) => {
      const own = gzFullEmploymentInputs(u.name, u.kind, inventedQuality(i));
      const plan: DemoUnitPlan = {
        name: u.name,
        kind: u.kind,
        reached: reached[u.name]!,
        data: (stage) => {
          if (stage.key === 'self') {
            // 良新村 is still filling in its figures: a partial draft.
            return {
              inputs:
                u.name === '良新村' ? Object.fromEntries(Object.entries(own).slice(0, 12)) : own,
            };
          }
          // The town's spot check (抽查) of 塘料村's re-employment ledger.
          if (stage.key === 'recommended' && u.name === '塘料村') {
            return { inputs: { ...own, unemployedSampled: 20, unemployedSampleMismatched: 3 } };
          }
          return undefined;
        },
      };
      if (u.name === '彩虹社区')
        plan.returnedWith = '登记失业人员底数不清，请重新核对台账后再报（演示）';
      if (u.name === '高沙村')
        plan.revokedWith = '复查复评不合格，限期整改不到位，取消资格（演示）';
      if (reached[u.name] === 4) plan.publicityEndsAt = '2024-11-30T10:00:00.000Z';
      if (u.name === '东星村') {
        plan.objection = { text: '东星村就业困难人员帮扶记录与实际不符，请核实。（演示）' };
      }
      if (u.name === '溪头村') {
        plan.objection = {
          text: '溪头村报送的再就业人数偏高。（演示）',
          resolution: '经镇、区核实，台账与系统数据一致，异议不成立（演示）',
        };
      }
      return plan;
    }),
  };
}

function liangkouHqeVillages(): DemoCampaign {
  const pack = findBuiltInPack('gz.hqe-village@2024.1')!;
  return {
    key: 'liangkou-hqe-2024',
    name: '良口镇2024年高质量就业村建设',
    pack,
    parameters: { passMark: DEMO_PASS_MARK.hqeVillage },
    period: LIANGKOU_PERIOD,
    status: 'open',
    startedAt: '2024-08-26T02:00:00.000Z',
    targets: [{ unit: '良口镇', unitKind: 'village', ratePercent: 100, count: 4 }],
    milestones: [LIANGKOU_MILESTONES[0]!].map((m) => ({
      ...m,
      due_at: new Date(m.due_at).toISOString(),
    })),
    units: LIANGKOU_HQE_VILLAGES.map((name, i) => ({
      name,
      kind: 'village' as const,
      reached: i < 2 ? 1 : 0,
      data: (stage) =>
        stage.key === 'self' ? { inputs: gzHqeVillageInputs(name, 0.6 + 0.1 * i) } : undefined,
    })),
  };
}

function yichunCityLevel(): DemoCampaign {
  const pack = findBuiltInPack('yc.hqe@2023.1')!;
  const quality: Record<string, number> = { 洪江村: 0.8, 梅州村: 0.45 };
  const weekly = (week: number) => at('2023-07-06T08:00:00.000Z', week * 7);
  return {
    key: 'yichun-2023',
    name: '2023年明月山温泉风景名胜区市级高质量就业村创建',
    pack,
    parameters: { designation: 'city', passMark: 85 },
    references: { countyAverageEmploymentRate: 90 },
    period: { start: '2023-05-01', end: '2023-11-30' },
    stages: [
      { key: 'self', step: 'submit', title: { zh: '创建村自评', en: 'Village self-assessment' } },
      { key: 'recommended', step: 'recommend', title: { zh: '洪江镇推荐', en: 'Hongjiang town' } },
      {
        key: 'verified',
        step: 'verify',
        pack_stage: 'county',
        title: { zh: '区级评估（中期评估）', en: 'Scenic-area assessment' },
      },
      {
        key: 'published',
        step: 'publish',
        pack_stage: 'city',
        title: { zh: '市级验收', en: 'City acceptance' },
      },
    ],
    status: 'open',
    startedAt: '2023-10-20T02:00:00.000Z',
    targets: [{ unit: '洪江镇', unitKind: 'village', ratePercent: 100, count: 2 }],
    milestones: [
      {
        type: 'progress_report',
        title: {
          zh: '每周四下午4点前报送创建推进情况',
          en: 'Weekly progress report, Thursday 16:00',
        },
        due_at: weekly(0),
        required_status: null,
        recurrence: {
          weekday: 4,
          time: '16:00',
          timezone: 'Asia/Shanghai',
          starts: '2023-07-01',
          until: '2023-11-30',
        },
      },
      {
        type: 'review',
        title: { zh: '巩固提升阶段：完成创建任务', en: 'Consolidation: creation completed' },
        due_at: '2023-10-31T15:59:00.000Z',
        required_status: 'submitted',
      },
    ],
    units: ['洪江村', '梅州村'].map((name) => ({
      name,
      kind: 'village' as const,
      reached: name === '洪江村' ? 4 : 3,
      data: (stage) => {
        if (stage.key === 'self') return { inputs: ycVillageInputs(name, quality[name]!) };
        if (stage.pack_stage === 'county' || stage.pack_stage === 'city') {
          const judgements = ycJudgements(name, stage.pack_stage, quality[name]!);
          return {
            inputs: ycVillageInputs(name, quality[name]!),
            assessments: Object.fromEntries(
              Object.entries(judgements).map(([k, v]) => [k, { ...v, stage: stage.pack_stage }]),
            ),
          };
        }
        return undefined;
      },
    })),
    reports: [0, 1, 2, 4, 5].flatMap((week) =>
      ['洪江村', '梅州村'].map((unit) => ({
        unit,
        dueAt: weekly(week),
        text: `第${week + 1}周：完成劳动力资源台账更新，开展入户走访；疑难问题及解决建议见附表。（演示）`,
      })),
    ),
  };
}

function provinceTable(): DemoCampaign {
  const pack = findBuiltInPack('province.employment-work@1.0')!;
  const reached: Record<string, number> = { 广州市: 3, 韶关市: 2, 湛江市: 1, 梅州市: 0 };
  const quality: Record<string, number> = { 广州市: 0.8, 韶关市: 0.6, 湛江市: 0.5, 梅州市: 0.4 };
  return {
    key: 'province-2024',
    name: '2024年度全省就业工作单项考核',
    pack,
    parameters: {},
    references: { provinceAveragePassRate: 80 },
    period: { start: '2024-01-01', end: '2024-12-31' },
    status: 'open',
    startedAt: '2025-01-15T02:00:00.000Z',
    targets: [],
    milestones: [
      {
        type: 'submission',
        title: { zh: '各市报送自评分及佐证材料', en: 'Cities submit their self-assessment' },
        due_at: '2025-01-31T15:59:00.000Z',
        required_status: 'submitted',
      },
    ],
    units: Object.keys(reached).map((name) => ({
      name,
      kind: 'city' as const,
      reached: reached[name]!,
      data: (stage) => {
        const inputs = provinceCityInputs(name, quality[name]!);
        const stageKey = stage.pack_stage as 'self' | 'initial' | 'final';
        const judgements = provinceJudgements(name, stageKey, quality[name]!);
        return {
          inputs:
            stageKey === 'self'
              ? inputs
              : {
                  ...inputs,
                  statisticsRequirementsUnmet: Number(inputs.statisticsRequirementsUnmet) + 1,
                },
          assessments: Object.fromEntries(
            Object.entries(judgements).map(([k, v]) => [k, { ...v, stage: stageKey }]),
          ),
        };
      },
    })),
  };
}

export const DEMO_CAMPAIGNS: Record<string, () => DemoCampaign[]> = {
  'gz-conghua': () => [liangkouFullEmployment(), liangkouHqeVillages()],
  'yc-mingyueshan': () => [yichunCityLevel()],
  'gd-province': () => [provinceTable()],
};

/** A stable public-link token for a demo cycle (kpo_ + 43 base64url characters). */
async function demoToken(cycleId: string): Promise<string> {
  const digest = new Uint8Array(
    await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`demo-link:${cycleId}`)),
  );
  let text = '';
  for (const b of digest) text += String.fromCharCode(b);
  return `kpo_${btoa(text).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')}`;
}

export async function demoCampaignStatements(
  tenant: DemoTenant,
  tenantId: string,
  unitIds: Map<string, string>,
): Promise<SeedStatement[]> {
  const out: SeedStatement[] = [];
  const userOf = async (stage: ChainStage, unit: string) => {
    const user =
      tenant.users.find((u) => u.role === 'reviewer' && u.stage === stage.key) ??
      (stage.actor === 'reporter' ? tenant.users.find((u) => u.scope === unit) : undefined) ??
      tenant.users.find((u) => u.role === 'admin')!;
    return stableId('usr', tenant.slug, user.email);
  };
  const unitId = (name: string) => {
    const id = unitIds.get(name);
    if (!id) throw new Error(`demo campaign: no unit ${name} in ${tenant.slug}`);
    return id;
  };
  for (const campaign of DEMO_CAMPAIGNS[tenant.slug]?.() ?? []) {
    const cycleId = await stableId('cyc', tenant.slug, campaign.key);
    const { chain, errors } = buildChain(campaign.pack, campaign.stages, 'stages');
    if (errors.length > 0) throw new Error(`demo campaign ${campaign.key}: ${errors[0]!.message}`);
    const packHash = contentHash(campaign.pack);
    const admin = await stableId(
      'usr',
      tenant.slug,
      tenant.users.find((u) => u.role === 'admin')!.email,
    );
    const references = campaign.references ?? {};
    out.push(
      insert('cycles', {
        id: cycleId,
        tenant_id: tenantId,
        name: campaign.name,
        pack_key: campaign.pack.key,
        pack_version: campaign.pack.version,
        pack_hash: packHash,
        parameters: JSON.stringify(campaign.parameters),
        references: JSON.stringify(references),
        stages: JSON.stringify(chain),
        period_start: campaign.period.start,
        period_end: campaign.period.end,
        status: campaign.status,
        public_token: await demoToken(cycleId),
        scoring_epoch: 1,
        created_by: admin,
        created_at: at(campaign.startedAt, -30),
        updated_at: at(campaign.startedAt, -30),
        row_version: 1,
      }),
      // The scheduler recomputes the cycle's rollups whole on its first tick.
      insert('rollup_contributions', {
        tenant_id: tenantId,
        cycle_id: cycleId,
        org_unit_id: '*',
        stale: 1,
        updated_at: at(campaign.startedAt, -30),
      }),
    );
    for (const target of campaign.targets) {
      out.push(
        insert('cycle_targets', {
          id: await stableId('tgt', cycleId, target.unit, target.unitKind),
          tenant_id: tenantId,
          cycle_id: cycleId,
          org_unit_id: unitId(target.unit),
          unit_kind: target.unitKind,
          rate_percent: String(target.ratePercent),
          count: target.count,
          created_at: at(campaign.startedAt, -30),
        }),
      );
    }
    const milestoneIds: string[] = [];
    for (const m of campaign.milestones) {
      const id = await stableId('ms', cycleId, m.type, m.due_at);
      milestoneIds.push(id);
      out.push(
        insert('milestones', {
          id,
          tenant_id: tenantId,
          cycle_id: cycleId,
          kind: m.type,
          title: JSON.stringify(m.title),
          due_at: m.due_at,
          required_status: m.required_status,
          recurrence: m.recurrence ? JSON.stringify(m.recurrence) : null,
          next_check_at: null,
          created_at: at(campaign.startedAt, -30),
        }),
      );
    }
    const submissionIds = new Map<string, string>();
    for (const [u, plan] of campaign.units.entries()) {
      const orgUnitId = unitId(plan.name);
      const submissionId = await stableId('sub', cycleId, plan.name);
      submissionIds.set(plan.name, submissionId);
      out.push(
        insert('cycle_units', {
          tenant_id: tenantId,
          cycle_id: cycleId,
          org_unit_id: orgUnitId,
          unit_kind: plan.kind,
          created_at: at(campaign.startedAt, -30),
        }),
      );
      const last = chain.length - 1;
      const published = plan.reached > last;
      const current = Math.min(plan.reached, last);
      let data = {
        inputs: {} as Record<string, unknown>,
        assessments: {} as Record<string, unknown>,
      };
      let when = at(campaign.startedAt, u / 24);
      const moves: {
        action: string;
        from: number;
        to: number;
        at: string;
        reason: string | null;
      }[] = [];
      for (let k = 0; k <= current; k++) {
        const stage = chain[k]!;
        const own = plan.data(stage);
        const received = data.inputs;
        if (own) data = { inputs: own.inputs, assessments: own.assessments ?? data.assessments };
        const actor = await userOf(stage, plan.name);
        // A reviewer's change of a reported figure is a correction, kept with who, when and why.
        const corrections: Record<string, unknown> = {};
        if (stage.actor === 'reviewer') {
          for (const [key, value] of Object.entries(data.inputs)) {
            if (key in received && received[key] !== value) {
              corrections[key] = {
                from: received[key],
                to: value,
                reason: '审核核查更正（演示）',
                by: actor,
                at: when,
              };
            }
          }
        }
        out.push(
          insert('submission_stages', {
            tenant_id: tenantId,
            submission_id: submissionId,
            cycle_id: cycleId,
            stage: stage.key,
            inputs: JSON.stringify(data.inputs),
            assessments: JSON.stringify(data.assessments),
            corrections: JSON.stringify(corrections),
            data_hash: stageDataHash(data.inputs, data.assessments),
            dirty: 1,
            updated_by: actor,
            updated_at: when,
            row_version: 1,
          }),
        );
        if (k < current || published) {
          moves.push({
            action: stage.step,
            from: k,
            to: Math.min(k + 1, last),
            at: when,
            reason: null,
          });
          when = at(when, 3);
        }
      }
      let status = published ? 'published' : statusAt(chain, current, false);
      let returnReason: string | null = null;
      if (plan.returnedWith && current === 0) {
        // Submitted, then returned by the town: back with the unit.
        moves.push({ action: 'submit', from: 0, to: 1, at: at(when, -2), reason: null });
        moves.push({
          action: 'return',
          from: 1,
          to: 0,
          at: at(when, -1),
          reason: plan.returnedWith,
        });
        status = 'returned';
        returnReason = plan.returnedWith;
      }
      let seal: { document: string; hash: string } | null = null;
      const publishedAt = published ? moves.at(-1)!.at : null;
      if (published) {
        const scorecard = score(campaign.pack, campaign.parameters, data.inputs, {
          unitId: orgUnitId,
          unitKind: plan.kind,
          assessments: data.assessments as Record<string, Assessment>,
          references,
        });
        seal = sealOf({
          seal: SEAL_FORMAT,
          cycle_id: cycleId,
          submission_id: submissionId,
          org_unit_id: orgUnitId,
          unit_kind: plan.kind,
          stage: chain[last]!.key,
          pack: {
            key: campaign.pack.key,
            version: campaign.pack.version,
            content_hash: packHash,
          },
          parameters: campaign.parameters,
          references,
          inputs: data.inputs,
          assessments: data.assessments,
          scorecard,
          published_at: publishedAt!,
        });
      }
      let revokedAt: string | null = null;
      if (published && plan.revokedWith) {
        revokedAt = at(publishedAt!, 30);
        moves.push({
          action: 'revoke',
          from: last,
          to: last,
          at: revokedAt,
          reason: plan.revokedWith,
        });
        status = 'revoked';
      }
      out.push(
        insert('submissions', {
          id: submissionId,
          tenant_id: tenantId,
          cycle_id: cycleId,
          org_unit_id: orgUnitId,
          status,
          stage: chain[current]!.key,
          return_reason: returnReason,
          publicity_ends_at:
            status === 'publicised' || (published && plan.publicityEndsAt)
              ? (plan.publicityEndsAt ?? null)
              : null,
          sealed_hash: seal?.hash ?? null,
          sealed_document: seal?.document ?? null,
          published_at: publishedAt,
          revoked_at: revokedAt,
          revoke_reason: plan.revokedWith && revokedAt ? plan.revokedWith : null,
          created_at: at(campaign.startedAt, -30),
          updated_at: moves.at(-1)?.at ?? when,
          row_version: moves.length + 2,
        }),
      );
      let statusBefore = 'draft';
      for (const [n, move] of moves.entries()) {
        const toStatus =
          move.action === 'return'
            ? 'returned'
            : move.action === 'revoke'
              ? 'revoked'
              : STATUS_AFTER[move.action as keyof typeof STATUS_AFTER];
        out.push(
          insert('transitions', {
            id: await stableId('trn', submissionId, String(n)),
            tenant_id: tenantId,
            submission_id: submissionId,
            from_status: statusBefore,
            to_status: toStatus,
            action: move.action,
            from_stage: chain[move.from]!.key,
            to_stage: chain[move.to]!.key,
            reason: move.reason,
            actor_id: await userOf(chain[move.from]!, plan.name),
            at: move.at,
          }),
        );
        statusBefore = toStatus;
      }
      if (plan.objection) {
        out.push(
          insert('objections', {
            id: await stableId('obj', submissionId),
            tenant_id: tenantId,
            cycle_id: cycleId,
            submission_id: submissionId,
            body: plan.objection.text,
            status: plan.objection.resolution ? 'dismissed' : 'open',
            resolution: plan.objection.resolution ?? null,
            resolved_by: plan.objection.resolution
              ? await stableId(
                  'usr',
                  tenant.slug,
                  tenant.users.find((x) => x.stage === 'publicised')?.email ?? '',
                )
              : null,
            resolved_at: plan.objection.resolution ? at(campaign.startedAt, 20) : null,
            created_at: at(campaign.startedAt, 15),
          }),
        );
      }
    }
    for (const report of campaign.reports ?? []) {
      const submissionId = submissionIds.get(report.unit)!;
      const filedAt = at(report.dueAt, -0.2);
      const reporter = await userOf(chain[0]!, report.unit);
      out.push(
        insert('progress_reports', {
          id: await stableId('prg', cycleId, report.unit, report.dueAt),
          tenant_id: tenantId,
          cycle_id: cycleId,
          milestone_id: milestoneIds[0]!,
          org_unit_id: unitId(report.unit),
          submission_id: submissionId,
          due_at: report.dueAt,
          body: report.text,
          figures: '{}',
          created_by: reporter,
          created_at: filedAt,
          updated_at: filedAt,
          row_version: 1,
        }),
        insert('transitions', {
          id: await stableId('trn', submissionId, 'report', report.dueAt),
          tenant_id: tenantId,
          submission_id: submissionId,
          from_status: 'draft',
          to_status: 'draft',
          action: 'progress_report',
          from_stage: chain[0]!.key,
          to_stage: chain[0]!.key,
          reason: null,
          actor_id: reporter,
          at: filedAt,
        }),
      );
    }
  }
  return out;
}
