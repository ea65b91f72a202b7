import { describe, expect, it } from 'vitest';
import {
  canReadUnit,
  canReportFor,
  canReviewAt,
  isAdmin,
  readableSubtrees,
  requireAdmin,
  requireScope,
  requireUser,
} from './permissions.ts';
import type { Grant, Principal } from './principal.ts';

const ROOT = '/org_r/';
const TOWN = '/org_r/org_t/';
const VILLAGE = '/org_r/org_t/org_v/';
const OTHER_VILLAGE = '/org_r/org_t2/org_v2/';
/** A sibling whose id starts like TOWN's: prefix checks must respect the "/". */
const LOOKALIKE = '/org_r/org_tx/';

const user = (...grants: Partial<Grant>[]): Principal => ({
  kind: 'user',
  tenantId: 'tn_1',
  userId: 'usr_1',
  email: 'u@kaoping.test',
  grants: grants.map((g) => ({
    role: 'viewer',
    orgUnitId: null,
    orgPath: null,
    stage: null,
    ...g,
  })),
});
const client = (...scopes: ('scores:read' | 'submissions:write')[]): Principal => ({
  kind: 'client',
  tenantId: 'tn_1',
  clientId: 'cli_1',
  scopes,
});

describe('permissions', () => {
  it('admins administer; nobody else does, clients never', () => {
    expect(isAdmin(user({ role: 'admin' }))).toBe(true);
    expect(() => requireAdmin(user({ role: 'admin' }))).not.toThrow();
    for (const p of [
      user({ role: 'viewer' }),
      user({ role: 'reviewer', stage: 'x' }),
      client('scores:read'),
    ]) {
      expect(() => requireAdmin(p)).toThrow(/not allow/);
    }
    expect(() => requireUser(client('scores:read'))).toThrow();
    expect(() => requireUser(user())).not.toThrow();
  });

  it('scopes bind clients only', () => {
    expect(() => requireScope(client('scores:read'), 'scores:read')).not.toThrow();
    expect(() => requireScope(client('scores:read'), 'submissions:write')).toThrow();
    expect(() => requireScope(user({ role: 'viewer' }), 'submissions:write')).not.toThrow();
  });

  it('reading follows the grants’ subtrees', () => {
    expect(readableSubtrees(user({ role: 'viewer' }))).toBeNull();
    expect(readableSubtrees(user({ role: 'reporter', orgPath: VILLAGE }))).toEqual([VILLAGE]);
    expect(readableSubtrees(client('submissions:write'))).toEqual([]);
    expect(readableSubtrees(client('scores:read'))).toBeNull();
    const reporter = user({ role: 'reporter', orgPath: TOWN });
    expect(canReadUnit(reporter, TOWN)).toBe(true);
    expect(canReadUnit(reporter, VILLAGE)).toBe(true);
    expect(canReadUnit(reporter, ROOT)).toBe(false);
    expect(canReadUnit(reporter, OTHER_VILLAGE)).toBe(false);
    expect(canReadUnit(reporter, LOOKALIKE)).toBe(false);
    expect(canReadUnit(user({ role: 'viewer' }), ROOT)).toBe(true);
    // No grant at all reads nothing (fail closed).
    expect(canReadUnit(user(), ROOT)).toBe(false);
    expect(canReadUnit(user({ role: 'viewer', orgPath: TOWN }), ROOT)).toBe(false);
  });

  it('reporting: a reporter’s subtree, admins anywhere, clients with submissions:write', () => {
    const reporter = user({ role: 'reporter', orgPath: VILLAGE });
    expect(canReportFor(reporter, VILLAGE)).toBe(true);
    expect(canReportFor(reporter, OTHER_VILLAGE)).toBe(false);
    expect(canReportFor(user({ role: 'admin' }), OTHER_VILLAGE)).toBe(true);
    expect(canReportFor(user({ role: 'viewer' }), VILLAGE)).toBe(false);
    expect(
      canReportFor(user({ role: 'reviewer', stage: 'recommended', orgPath: TOWN }), VILLAGE),
    ).toBe(false);
    expect(canReportFor(client('submissions:write'), VILLAGE)).toBe(true);
    expect(canReportFor(client('scores:read'), VILLAGE)).toBe(false);
  });

  it('reviewing: the granted stage, within the granted subtree; admins are not reviewers', () => {
    const town = user({ role: 'reviewer', stage: 'recommended', orgPath: TOWN });
    expect(canReviewAt(town, 'recommended', VILLAGE)).toBe(true);
    expect(canReviewAt(town, 'verified', VILLAGE)).toBe(false);
    expect(canReviewAt(town, 'recommended', OTHER_VILLAGE)).toBe(false);
    expect(canReviewAt(town, 'recommended', LOOKALIKE)).toBe(false);
    const district = user({ role: 'reviewer', stage: 'verified' });
    expect(canReviewAt(district, 'verified', OTHER_VILLAGE)).toBe(true);
    expect(canReviewAt(user({ role: 'admin' }), 'verified', VILLAGE)).toBe(false);
    expect(canReviewAt(client('submissions:write', 'scores:read'), 'verified', VILLAGE)).toBe(
      false,
    );
    const both = user(
      { role: 'reviewer', stage: 'recommended', orgPath: TOWN },
      { role: 'reviewer', stage: 'verified' },
    );
    expect(canReviewAt(both, 'verified', OTHER_VILLAGE)).toBe(true);
  });
});
