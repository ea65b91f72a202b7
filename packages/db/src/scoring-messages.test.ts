import { describe, expect, it } from 'vitest';
import { parseScoringMessage, stageKeyRange } from './scoring-messages.ts';

const pin = {
  packKey: 'gz.full-employment',
  packVersion: '2024.1',
  packHash: 'a'.repeat(64),
  epoch: 1,
};
const chunk = {
  kind: 'chunk',
  runId: 'run_1',
  seq: 3,
  tenantId: 'tn_1',
  cycleId: 'cyc_1',
  pin,
  after: ['sub_1', 'self'],
  through: null,
  replay: 0,
};

describe('parseScoringMessage', () => {
  it('accepts chunk and plan messages exactly', () => {
    expect(parseScoringMessage(chunk)).toEqual(chunk);
    const plan = { kind: 'plan', runId: 'run_1', tenantId: 'tn_1', cycleId: 'cyc_1', replay: 2 };
    expect(parseScoringMessage(plan)).toEqual(plan);
  });

  it('refuses anything else: unknown fields, bad keys, bad pins, wrong types', () => {
    for (const bad of [
      null,
      'chunk',
      [],
      { ...chunk, extra: 1 },
      { ...chunk, kind: 'other' },
      { ...chunk, seq: -1 },
      { ...chunk, after: ['sub_1'] },
      { ...chunk, pin: { ...pin, packHash: 'xyz' } },
      { ...chunk, pin: { ...pin, epoch: 1.5 } },
      { ...chunk, runId: '' },
      { kind: 'plan', runId: 'run_1', tenantId: 'tn_1', cycleId: 'cyc_1' },
    ]) {
      expect(parseScoringMessage(bad)).toBeNull();
    }
  });
});

describe('stageKeyRange', () => {
  it('bounds (submission, stage) keys: after is exclusive, through inclusive', () => {
    expect(stageKeyRange('ss', null, null)).toEqual({ sql: '1 = 1', params: [] });
    const range = stageKeyRange('ss', ['a', 'self'], ['b', 'town']);
    expect(range.params).toEqual(['a', 'a', 'self', 'b', 'b', 'town']);
    expect(range.sql).toContain('ss.submission_id > ?');
    expect(range.sql).toContain('ss.stage <= ?');
  });
});
