import { AppError, notFound } from '../../lib/problem.ts';

export const unitNotFound = () => notFound({ zh: '组织单元', en: 'Org unit' });

export const parentNotFound = () =>
  new AppError('not_found', { zh: '上级单元不存在', en: 'Parent org unit not found' });

export const parentArchived = () =>
  new AppError('conflict', {
    zh: '上级单元已归档，不能在其下新增或移入单元',
    en: 'The parent org unit is archived',
  });

export const codeTaken = () =>
  new AppError('conflict', {
    zh: '该统计用区划代码已被本租户的其他单元使用',
    en: 'Another org unit of this tenant has this code',
  });

export const siblingNameTaken = () =>
  new AppError('conflict', {
    zh: '同一上级下已有同名单元',
    en: 'An active org unit with this name already exists under the same parent',
  });

export const rootUnitFixed = () =>
  new AppError('conflict', {
    zh: '根单元（租户本级）不能移动或归档',
    en: 'The root org unit cannot be moved or archived',
  });

/** Map a unique-index violation on org_units to its 409, or return undefined. */
export function orgUnitConflict(columns: string[] | null): AppError | undefined {
  if (!columns) return undefined;
  if (columns.includes('org_units.code')) return codeTaken();
  if (columns.includes('org_units.name')) return siblingNameTaken();
  return undefined;
}
