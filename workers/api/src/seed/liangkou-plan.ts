import { LIANGKOU_COMMUNITIES, LIANGKOU_VILLAGES } from './demo-data.ts';

/**
 * 良口镇2024年高质量就业村和充分就业社区(村)一体建设实施方案 (000_…txt), as campaign data: the 23
 * units of 附件2 and the four 高质量就业村, the targets of "一、工作目标", the reporting period of
 * "评估取数自2023年10月至2024年9月" and the milestones of "五、实施步骤". The demo seed and the
 * campaign test both read it. The pass mark is not in the source: 80 is the demo's choice.
 */
export const LIANGKOU_FULL_EMPLOYMENT_UNITS: { name: string; kind: 'village' | 'community' }[] = [
  ...LIANGKOU_VILLAGES.map((name) => ({ name, kind: 'village' as const })),
  ...LIANGKOU_COMMUNITIES.map((name) => ({ name, kind: 'community' as const })),
];

/** "定溪头村、米埗村、塘尾村、良明村为2024年创建高质量就业村". */
export const LIANGKOU_HQE_VILLAGES = ['溪头村', '米埗村', '塘尾村', '良明村'];

/** "充分就业社区建设率达到75%(即2个社区)、充分就业村建设率达到70%以上(即21条村)". */
export const LIANGKOU_TARGETS = [
  { unitKind: 'community' as const, ratePercent: 75, count: 2 },
  { unitKind: 'village' as const, ratePercent: 70, count: 21 },
];

export const LIANGKOU_PERIOD = { start: '2023-10-01', end: '2024-09-30' };

/** Not in the source (附件3/附件4 state no pass mark): the demo's choice. */
export const DEMO_PASS_MARK = { fullEmployment: 80, hqeVillage: 85 };

/** How strong a unit's invented figures are (0..1), spread over the list. INVENTED. */
export const inventedQuality = (index: number) => ((index * 37) % 23) / 22;

/** "五、实施步骤" as milestones (times are China Standard Time). */
export const LIANGKOU_MILESTONES = [
  {
    type: 'self_assessment' as const,
    title: {
      zh: '对4个典型村开展摸底自评',
      en: 'Baseline self-assessment of the four typical villages',
    },
    due_at: '2024-08-31T23:59:00+08:00',
    required_status: null,
  },
  {
    type: 'submission' as const,
    title: {
      zh: '组织社区(村)开展自评并向区人社局提交自评材料',
      en: 'Self-assessments submitted to the district bureau',
    },
    due_at: '2024-10-15T23:59:00+08:00',
    required_status: 'submitted' as const,
  },
  {
    type: 'review' as const,
    title: { zh: '实施检查评估', en: 'Inspection and assessment completed' },
    due_at: '2024-11-10T23:59:00+08:00',
    required_status: 'verified' as const,
  },
];
