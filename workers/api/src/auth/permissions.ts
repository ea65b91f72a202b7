import { isWithin } from '@kaoping/db/org-paths';
import { AppError } from '../lib/problem.ts';
import type { Grant, Principal, Role, Scope } from './principal.ts';

/**
 * Who may do what. Users act through role grants, each for the whole tenant
 * (orgPath null) or a subtree (orgPath, the subtree root's materialised
 * path); reviewers also at a stage. API clients act through scopes only and
 * are never admins. Services call these before touching anything, and
 * answer 404 rather than 403 for an object the caller may not even read, so
 * its existence does not leak.
 */

export function forbidden(): AppError {
  return new AppError('forbidden', {
    zh: '你的角色或授权范围不允许此操作',
    en: 'Your role or scope does not allow this',
  });
}

function grantsOf(p: Principal, ...roles: Role[]): Grant[] {
  return p.kind === 'user' ? p.grants.filter((g) => roles.includes(g.role)) : [];
}

const covers = (g: Grant, orgPath: string) => g.orgPath === null || isWithin(orgPath, g.orgPath);

export function isAdmin(p: Principal): boolean {
  return grantsOf(p, 'admin').length > 0;
}

/** Tenant administration: people, clients, the org tree, the audit log. */
export function requireAdmin(p: Principal): void {
  if (!isAdmin(p)) throw forbidden();
}

/** Refuse API clients (routes for people only, such as /v1/me). */
export function requireUser(p: Principal): asserts p is Extract<Principal, { kind: 'user' }> {
  if (p.kind !== 'user') throw forbidden();
}

/**
 * For API clients: refuse unless the token carries `scope`. Users pass —
 * their roles are checked by canReadUnit / canReportFor / canReviewAt.
 */
export function requireScope(p: Principal, scope: Scope): void {
  if (p.kind === 'client' && !p.scopes.includes(scope)) throw forbidden();
}

/**
 * The subtrees a principal may read: null for the whole tenant (admins,
 * tenant-wide grants, clients with scores:read), else the list of subtree
 * roots' paths (possibly empty).
 */
export function readableSubtrees(p: Principal): string[] | null {
  if (p.kind === 'client') return p.scopes.includes('scores:read') ? null : [];
  const paths: string[] = [];
  for (const g of p.grants) {
    if (g.orgPath === null) return null;
    paths.push(g.orgPath);
  }
  return paths;
}

/** May read the unit at `orgPath` (and what is reported for it). */
export function canReadUnit(p: Principal, orgPath: string): boolean {
  const subtrees = readableSubtrees(p);
  return subtrees === null || subtrees.some((root) => isWithin(orgPath, root));
}

/** May enter or change a unit's own report: its reporters, admins, clients with submissions:write. */
export function canReportFor(p: Principal, orgPath: string): boolean {
  if (p.kind === 'client') return p.scopes.includes('submissions:write');
  return grantsOf(p, 'admin', 'reporter').some((g) => covers(g, orgPath));
}

/**
 * May act at review `stage` for the unit at `orgPath`: a reviewer granted
 * that stage over a subtree holding the unit. Admins are not reviewers by
 * default (separation of duties): grant them the reviewer role too if they are.
 */
export function canReviewAt(p: Principal, stage: string, orgPath: string): boolean {
  return grantsOf(p, 'reviewer').some((g) => g.stage === stage && covers(g, orgPath));
}
