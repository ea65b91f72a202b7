import { describe, expect, it } from 'vitest';
import {
  type Contribution,
  computeRollups,
  PathOrderedRollups,
  rowKey,
  targetArithmetic,
  updateRollups,
} from './rollup-math.ts';

// The arithmetic of rollups, exact: percentages to 2 places from rationals, "how many more
// units" by ceiling; and an update by difference equals a recompute.

const target = (ratePercent: string, count: number | null = null) => ({
  orgUnitId: 'town',
  unitKind: 'village',
  ratePercent,
  count,
});

describe('designation rate against a target', () => {
  it('2 of 3 designated is 66.67 %; a 75 % target over 23 units needs 18', () => {
    expect(targetArithmetic(2, 3, undefined).ratePercent).toBe('66.67');
    expect(targetArithmetic(0, 23, target('75'))).toEqual({
      ratePercent: '0.00',
      targetPercent: '75',
      targetMet: 0,
      neededUnits: 18,
    });
    expect(targetArithmetic(17, 23, target('75'))).toMatchObject({ targetMet: 0, neededUnits: 1 });
    expect(targetArithmetic(18, 23, target('75'))).toMatchObject({
      ratePercent: '78.26',
      targetMet: 1,
      neededUnits: 0,
    });
  });

  it('a rate exactly on the target meets it; rounding never does', () => {
    // 7 of 10 is exactly 70 %.
    expect(targetArithmetic(7, 10, target('70'))).toMatchObject({ targetMet: 1, neededUnits: 0 });
    // 2 of 3 shows as 66.67 but is below 66.67 %.
    expect(targetArithmetic(2, 3, target('66.67'))).toMatchObject({
      ratePercent: '66.67',
      targetMet: 0,
      neededUnits: 1,
    });
    // Halves round away from zero: 1 of 8 = 12.5 %, 1 of 16 = 6.25 %.
    expect(targetArithmetic(1, 16, undefined).ratePercent).toBe('6.25');
    expect(targetArithmetic(1, 3, undefined).ratePercent).toBe('33.33');
  });

  it('an absolute count the source states (即2个社区) is required as well', () => {
    expect(targetArithmetic(1, 2, target('75', 2))).toMatchObject({ neededUnits: 1, targetMet: 0 });
    expect(targetArithmetic(15, 21, target('70', 21))).toMatchObject({ neededUnits: 6 });
  });
});

function unit(id: string, town: string, patch: Partial<Contribution> = {}): Contribution {
  return {
    orgUnitId: id,
    unitKind: 'village',
    path: `/root/${town}/${id}/`,
    status: 'published',
    submitted: 1,
    designated: 1,
    inputs: null,
    ...patch,
  };
}

describe('rows up the tree', () => {
  it('each unit counts in its own row, its town’s and the root’s, per kind and for all', () => {
    const rows = computeRollups(
      [unit('a', 't1'), unit('b', 't1', { status: 'draft', submitted: 0, designated: 0 })],
      [{ orgUnitId: 't1', unitKind: 'village', ratePercent: '70', count: null }],
    );
    const keys = rows.map((r) => rowKey(r.orgUnitId, r.unitKind));
    expect(keys).toEqual(
      ['a|*', 'a|village', 'b|*', 'b|village', 'root|*', 'root|village', 't1|*', 't1|village'].map(
        (k) => k.replace('|', '\u0000'),
      ),
    );
    const town = rows.find((r) => r.orgUnitId === 't1' && r.unitKind === 'village');
    expect(town).toMatchObject({
      inScope: 2,
      submitted: 1,
      designated: 1,
      byStatus: { draft: 1, published: 1 },
      ratePercent: '50.00',
      targetPercent: '70',
      neededUnits: 1,
    });
  });

  it('statistics come from the function given, over each row’s own units', () => {
    const rows = computeRollups(
      [unit('a', 't1'), unit('b', 't1'), unit('c', 't2')],
      [],
      (units) => ({
        units: units.map((u) => u.orgUnitId).sort(),
      }),
    );
    const stats = (id: string) => rows.find((r) => r.orgUnitId === id && r.unitKind === '*')?.stats;
    expect(stats('t1')).toEqual({ units: ['a', 'b'] });
    expect(stats('root')).toEqual({ units: ['a', 'b', 'c'] });
    expect(stats('c')).toEqual({ units: ['c'] });
  });

  it('updating by difference gives the rows a full recompute gives', () => {
    let state = 1;
    const next = () => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state / 2 ** 31;
    };
    const statuses = ['draft', 'submitted', 'published', 'returned', 'revoked'];
    const make = (id: string): Contribution => {
      const status = statuses[Math.floor(next() * statuses.length)] as string;
      return unit(id, `t${Math.floor(next() * 3)}`, {
        unitKind: next() < 0.3 ? 'community' : 'village',
        status,
        submitted: status === 'draft' || status === 'returned' ? 0 : 1,
        designated: status === 'published' && next() < 0.7 ? 1 : 0,
      });
    };
    const targets = [{ orgUnitId: 't1', unitKind: 'village', ratePercent: '70', count: null }];
    let units = Array.from({ length: 40 }, (_, i) => make(`u${i}`));
    let stored = new Map(
      computeRollups(units, targets).map((r) => [rowKey(r.orgUnitId, r.unitKind), r]),
    );
    for (let round = 0; round < 20; round++) {
      const changes: { before: Contribution | null; after: Contribution | null }[] = [];
      const nextUnits = units.map((u) => {
        if (next() < 0.2) {
          const after = next() < 0.1 ? null : make(u.orgUnitId);
          changes.push({ before: u, after });
          return after;
        }
        return u;
      });
      if (next() < 0.5) {
        const added = make(`n${round}`);
        changes.push({ before: null, after: added });
        nextUnits.push(added);
      }
      units = nextUnits.filter((u): u is Contribution => u !== null);
      for (const row of updateRollups(changes, stored, targets)) {
        const key = rowKey(row.orgUnitId, row.unitKind);
        if (row.inScope === 0) stored.delete(key);
        else stored.set(key, row);
      }
      const full = computeRollups(units, targets);
      expect(
        [...stored.values()].sort((a, b) =>
          rowKey(a.orgUnitId, a.unitKind).localeCompare(rowKey(b.orgUnitId, b.unitKind)),
        ),
      ).toEqual(full);
      stored = new Map(full.map((r) => [rowKey(r.orgUnitId, r.unitKind), r]));
    }
  });
});

describe('rows folded in path order', () => {
  const byKey = (rows: readonly { orgUnitId: string; unitKind: string }[]) =>
    [...rows].sort((a, b) =>
      rowKey(a.orgUnitId, a.unitKind).localeCompare(rowKey(b.orgUnitId, b.unitKind)),
    );

  it('are the rows of a whole recompute, with towns in scope beside their villages', () => {
    let state = 7;
    const next = () => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state / 2 ** 31;
    };
    const statuses = ['none', 'draft', 'submitted', 'published'];
    const units: Contribution[] = [];
    // Three levels under the root; "t1" and "t10" test that a sibling sharing a prefix of the
    // id is not taken for a child.
    for (const county of ['c1', 'c2']) {
      for (const town of ['t1', 't10', 't2']) {
        const townPath = `/root/${county}/${county}${town}/`;
        if (next() < 0.5) {
          units.push({ ...unit(`${county}${town}`, 'x'), path: townPath, unitKind: 'town' });
        }
        for (let v = 0; v < 1 + Math.floor(next() * 5); v++) {
          const status = statuses[Math.floor(next() * statuses.length)] as string;
          const id = `${county}${town}v${v}`;
          units.push({
            ...unit(id, 'x', {
              unitKind: next() < 0.3 ? 'community' : 'village',
              status,
              submitted: status === 'none' || status === 'draft' ? 0 : 1,
              designated: status === 'published' ? 1 : 0,
            }),
            path: `${townPath}${id}/`,
          });
        }
      }
    }
    const targets = [
      { orgUnitId: 'c1t1', unitKind: 'village', ratePercent: '70', count: null },
      { orgUnitId: 'c2', unitKind: 'community', ratePercent: '75', count: 2 },
    ];
    const ordered = [...units].sort((a, b) => (a.path < b.path ? -1 : 1));
    const fold = new PathOrderedRollups(targets);
    const streamed = [...ordered.flatMap((u) => fold.add(u)), ...fold.finish()];
    expect(byKey(streamed)).toEqual(computeRollups(units, targets));
  });

  it('hand out a row once its subtree is passed, and hold only the current chain', () => {
    const fold = new PathOrderedRollups([]);
    expect(fold.add(unit('a', 't1'))).toEqual([]);
    expect(fold.add(unit('b', 't1')).map((r) => rowKey(r.orgUnitId, r.unitKind))).toEqual(
      ['a|village', 'a|*'].map((k) => k.replace('|', '\u0000')),
    );
    // Leaving t1 completes b and t1; root stays open until the end.
    const done = fold.add(unit('c', 't2')).map((r) => r.orgUnitId);
    expect(done).toEqual(['b', 'b', 't1', 't1']);
    expect(fold.finish().map((r) => r.orgUnitId)).toEqual(['c', 'c', 't2', 't2', 'root', 'root']);
  });

  it('refuse units out of path order (the rows would be wrong)', () => {
    const fold = new PathOrderedRollups([]);
    fold.add(unit('b', 't1'));
    expect(() => fold.add(unit('a', 't1'))).toThrow(/out of path order/);
  });
});
