import { findBuiltInPack } from '@kaoping/standards';
import { describe, expect, it } from 'vitest';
import { buildChain, DEFAULT_CHAIN, defaultChainFor, statusAt } from './review-chain.ts';

const gz = findBuiltInPack('gz.full-employment@2024.1')!;
const province = findBuiltInPack('province.employment-work@1.0')!;
const yc = findBuiltInPack('yc.hqe@2023.1')!;

describe('review chains', () => {
  it('default to Guangzhou’s five steps when the pack declares none', () => {
    expect(defaultChainFor(gz).map((s) => `${s.key}:${s.step}:${s.title.zh}`)).toEqual([
      'self:submit:社区(村)自评',
      'recommended:recommend:镇评估推荐',
      'verified:verify:区核定',
      'publicised:publicise:公示',
      'published:publish:市公布',
    ]);
  });

  it('follow the pack’s own chain: the province’s 自评 → 初评 → 审定 is submit → verify → publish', () => {
    expect(defaultChainFor(province).map((s) => [s.key, s.step, s.actor])).toEqual([
      ['self', 'submit', 'reporter'],
      ['initial', 'verify', 'reviewer'],
      ['final', 'publish', 'reviewer'],
    ]);
  });

  it('report every assessed item the chain cannot reach (宜春 judges at county and city)', () => {
    const { errors } = buildChain(yc, undefined, 'body.stages');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]!.message).toContain('pack_stage');
    const mapped = buildChain(
      yc,
      [
        { key: 'self', step: 'submit' },
        { key: 'verified', step: 'verify', pack_stage: 'county' },
        { key: 'published', step: 'publish', pack_stage: 'city' },
      ],
      'body.stages',
    );
    expect(mapped.errors).toEqual([]);
  });

  it('refuse duplicate keys and steps out of order, naming the stage', () => {
    const { errors } = buildChain(
      gz,
      [
        { key: 'self', step: 'submit' },
        { key: 'self', step: 'verify' },
        { key: 'x', step: 'recommend' },
        { key: 'y', step: 'publish' },
      ],
      'body.stages',
    );
    expect(errors.map((e) => `${e.path}:${e.code}`)).toEqual([
      'body.stages.1.key:duplicate',
      'body.stages.2.step:order',
    ]);
  });

  it('say which status a submission has on arriving at a stage', () => {
    const chain = [...DEFAULT_CHAIN];
    expect(statusAt(chain, 0, false)).toBe('draft');
    expect(statusAt(chain, 0, true)).toBe('returned');
    expect(statusAt(chain, 1, true)).toBe('submitted');
    expect(statusAt(chain, 4, false)).toBe('publicised');
  });
});
