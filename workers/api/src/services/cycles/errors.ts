import { AppError, type FieldError, notFound } from '../../lib/problem.ts';

export const cycleNotFound = () => notFound({ zh: '考核周期', en: 'Cycle' });

export const cycleClosed = () =>
  new AppError('conflict', {
    zh: '考核周期已结束，不再接受修改',
    en: 'The cycle is closed and accepts no more changes',
  });

export const cycleNotOpen = () =>
  new AppError('conflict', {
    zh: '考核周期尚未开始（草稿），暂不能填报或审核',
    en: 'The cycle is still a draft: open it before reporting or reviewing',
  });

export const unitsNotFound = () =>
  new AppError('not_found', {
    zh: '所列组织单元中有不存在的单元，未作任何修改',
    en: 'An org unit in the list was not found; nothing was changed',
  });

/** A 400 listing field errors. */
export function invalid(errors: FieldError[], detail?: { zh: string; en: string }): AppError {
  return new AppError(
    'validation',
    detail ?? { zh: '请求数据未通过校验', en: 'The request did not pass validation' },
    { errors },
  );
}

export const fieldError = (path: string, code: string, en: string, zh: string): FieldError => ({
  path,
  code,
  message: en,
  message_zh: zh,
});
