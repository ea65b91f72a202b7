import { uniqueViolation } from '@kaoping/db/batch-errors';
import { newId } from '@kaoping/db/ids';
import { orgUnits } from '@kaoping/db/schema';
import { requireAdmin } from '../../auth/permissions.ts';
import type { ServiceContext } from '../../auth/principal.ts';
import { commitWithAudit } from '../../lib/audit.ts';
import { AppError, type FieldError } from '../../lib/problem.ts';
import { type CsvUnitRow, lineError, parseOrgUnitCsv } from './import-csv.ts';
import { canBeChildOf, kindRuleMessage } from './kinds.ts';
import { type OrgUnitRow, presentOrgUnit } from './present.ts';

/** Bad rows reported in one answer; the rest are counted. */
const MAX_REPORTED_ERRORS = 500;

export interface ImportResult {
  created: number;
  unchanged: number;
}

interface Placed {
  id: string;
  kind: OrgUnitRow['kind'];
  code: string | null;
  path: string;
  depth: number;
  namePath: string;
  active: boolean;
  /** The line that creates it; undefined for a unit that already exists. */
  line?: number;
}

function refused(errors: FieldError[]): AppError {
  errors.sort((a, b) => Number(a.path.slice(5)) - Number(b.path.slice(5)));
  const shown = errors.slice(0, MAX_REPORTED_ERRORS);
  const more = errors.length - shown.length;
  return new AppError(
    'validation',
    {
      zh: `导入未执行：${errors.length} 处错误${more > 0 ? `（仅列出前 ${shown.length} 处）` : ''}，没有写入任何单元`,
      en: `Nothing was imported: ${errors.length} error(s)${more > 0 ? ` (first ${shown.length} listed)` : ''}`,
    },
    { errors: shown },
  );
}

/**
 * Import org units from CSV: validate every row, resolve every parent
 * (existing units or other rows, in any order), then write all new units in
 * one batch — or nothing, with every bad row reported by line. A row whose
 * unit already exists with the same kind and code is left unchanged, so
 * importing the same file twice creates nothing the second time.
 */
export async function importOrgUnits({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { csv: string };
}): Promise<ImportResult> {
  requireAdmin(ctx.principal);
  const { tdb } = ctx;
  // Rows that parse are still resolved when others do not, so one answer lists every bad row.
  const { rows, errors } = parseOrgUnitCsv(input.csv);
  if (rows.length === 0 && errors.length === 0) {
    throw refused([lineError(2, 'empty', 'the file has no data rows', '文件没有数据行')]);
  }

  // Everything that exists, by name path and by code.
  const existing = await tdb.select(orgUnits);
  const byId = new Map(existing.map((u) => [u.id, u]));
  const namePathOf = new Map<string, string>();
  const nameOf = (u: OrgUnitRow): string => {
    const known = namePathOf.get(u.id);
    if (known !== undefined) return known;
    const parent = u.parentId ? byId.get(u.parentId) : undefined;
    const value = parent ? `${nameOf(parent)}/${u.name}` : u.name;
    namePathOf.set(u.id, value);
    return value;
  };
  const byNamePath = new Map<string, Placed>();
  const byCode = new Map<string, Placed>();
  for (const u of existing) {
    const placed: Placed = {
      id: u.id,
      kind: u.kind,
      code: u.code,
      path: u.path,
      depth: u.depth,
      namePath: nameOf(u),
      active: u.status === 'active',
    };
    if (placed.active) byNamePath.set(placed.namePath, placed);
    if (u.code) byCode.set(u.code, placed);
  }

  // Codes must be unique within the file.
  const codeLines = new Map<string, number>();
  for (const r of rows) {
    if (!r.code) continue;
    const first = codeLines.get(r.code);
    if (first !== undefined) {
      errors.push(
        lineError(
          r.line,
          'duplicate_code',
          `code ${r.code} is also on line ${first}`,
          `代码 ${r.code} 与第 ${first} 行重复`,
        ),
      );
    } else {
      codeLines.set(r.code, r.line);
    }
  }

  const created: OrgUnitRow[] = [];
  let unchanged = 0;
  const at = ctx.now.toISOString();
  let pending = rows.filter((r) => !r.code || codeLines.get(r.code) === r.line);
  /** Rows that could not be placed, by the keys children use for them. */
  const failedAt = new Map<string, number>();

  const parentOf = (r: CsvUnitRow): Placed | undefined =>
    'code' in r.parent ? byCode.get(r.parent.code) : byNamePath.get(r.parent.path.join('/'));

  // Place rows whose parent is known; repeat until no row can be placed.
  for (let progress = true; progress && pending.length > 0; ) {
    progress = false;
    const next: CsvUnitRow[] = [];
    for (const r of pending) {
      const parent = parentOf(r);
      if (!parent) {
        next.push(r);
        continue;
      }
      progress = true;
      const namePath = `${parent.namePath}/${r.name}`;
      const same = byNamePath.get(namePath);
      if (!parent.active) {
        errors.push(
          lineError(
            r.line,
            'parent_archived',
            'parent: the parent unit is archived',
            '上级：上级单位已归档',
          ),
        );
      } else if (!canBeChildOf(parent.kind, r.kind)) {
        const m = kindRuleMessage(parent.kind, r.kind);
        errors.push(lineError(r.line, 'kind_rule', `kind: ${m.en}`, `类型：${m.zh}`));
      } else if (same?.line !== undefined) {
        errors.push(
          lineError(
            r.line,
            'duplicate_row',
            `the same unit is on line ${same.line}`,
            `与第 ${same.line} 行是同一单位`,
          ),
        );
      } else if (same) {
        if (same.kind !== r.kind || (r.code !== null && same.code !== r.code)) {
          errors.push(
            lineError(
              r.line,
              'exists_differently',
              `${namePath} already exists as a ${same.kind}${same.code ? ` with code ${same.code}` : ''}`,
              `${namePath} 已存在，类型或代码不同`,
            ),
          );
        } else {
          unchanged++;
        }
      } else if (r.code && byCode.has(r.code)) {
        errors.push(
          lineError(
            r.line,
            'code_taken',
            `code: ${r.code} belongs to ${byCode.get(r.code)!.namePath}`,
            `代码：${r.code} 已属于 ${byCode.get(r.code)!.namePath}`,
          ),
        );
      } else {
        const id = newId('orgUnit');
        const placed: Placed = {
          id,
          kind: r.kind,
          code: r.code,
          path: `${parent.path}${id}/`,
          depth: parent.depth + 1,
          namePath,
          active: true,
          line: r.line,
        };
        byNamePath.set(namePath, placed);
        if (r.code) byCode.set(r.code, placed);
        created.push({
          id,
          tenantId: tdb.tenantId,
          parentId: parent.id,
          kind: r.kind,
          name: r.name,
          nameEn: r.nameEn,
          code: r.code,
          path: placed.path,
          depth: placed.depth,
          status: 'active',
          validFrom: null,
          validTo: null,
          createdAt: at,
          updatedAt: at,
          rowVersion: 1,
        });
      }
      if (errors.length > 0 && errors[errors.length - 1]!.path === `line ${r.line}`) {
        failedAt.set(`path:${namePath}`, r.line);
        if (r.code) failedAt.set(`code:${r.code}`, r.line);
      }
    }
    pending = next;
  }
  for (const r of pending) {
    const shown = 'code' in r.parent ? r.parent.code : r.parent.path.join('/');
    const badParent = failedAt.get('code' in r.parent ? `code:${shown}` : `path:${shown}`);
    if (badParent !== undefined) {
      errors.push(
        lineError(
          r.line,
          'parent_invalid',
          `parent: the parent's row (line ${badParent}) has errors`,
          `上级：上级所在行（第 ${badParent} 行）有错误`,
        ),
      );
      continue;
    }
    errors.push(
      lineError(
        r.line,
        'parent_not_found',
        `parent: no unit "${shown}" in this tenant or this file (or the rows form a cycle)`,
        `上级：本租户和本文件中都没有“${shown}”（或各行互为上级）`,
      ),
    );
  }
  if (errors.length > 0) throw refused(errors);
  if (created.length === 0) return { created: 0, unchanged };

  try {
    await commitWithAudit(
      ctx,
      tdb.insertBulk(
        orgUnits,
        created.map(({ tenantId: _t, ...row }) => row),
      ),
      created.map((u) => ({
        action: 'org_unit.import',
        entityType: 'org_unit',
        entityId: u.id,
        after: presentOrgUnit(u),
      })),
    );
  } catch (err) {
    if (uniqueViolation(err)) {
      throw new AppError('conflict', {
        zh: '导入期间组织树被修改，请重新导入',
        en: 'The org tree changed while importing; import again',
      });
    }
    throw err;
  }
  return { created: created.length, unchanged };
}
