import { AppError, type FieldError, notFound } from '../../lib/problem.ts';

/**
 * The pack services' refusals. A version the caller may not see answers exactly like a
 * missing one, and the 404 never repeats the key or version asked for, so another tenant's
 * tailored version is indistinguishable from one that does not exist.
 */

export function packVersionNotFound(): AppError {
  return notFound({ zh: '标准包版本', en: 'Pack version' });
}

export function pinNotFound(): AppError {
  return notFound({ zh: '标准包选用记录', en: 'Pack pin' });
}

/** Any write to a built-in or published version. */
export function packVersionImmutable(): AppError {
  return new AppError('conflict', {
    zh: '已发布的标准包版本（含内置版本）不可修改：请派生一个新版本号的版本',
    en: 'A published (or built-in) pack version never changes: derive a new version instead',
  });
}

export function versionTaken(version: string, path = 'body.version'): AppError {
  return new AppError(
    'conflict',
    {
      zh: `版本号 ${version} 已被本单位的其他版本使用`,
      en: `version ${version} is already used by another of your versions`,
    },
    {
      errors: [
        {
          path,
          code: 'version_taken',
          message: `version ${version} is taken`,
          message_zh: `版本号 ${version} 已被使用`,
        },
      ],
    },
  );
}

export function parentUnavailable(): AppError {
  return new AppError('conflict', {
    zh: '该草稿的来源版本已不可用，无法重新派生',
    en: 'The version this draft derives from is no longer available',
  });
}

/** 400 naming fields of the request body. */
export function invalidBody(errors: FieldError[]): AppError {
  return new AppError(
    'validation',
    { zh: '请求数据未通过校验', en: 'The request did not pass validation' },
    { errors },
  );
}

export function field(path: string, code: string, zh: string, en: string): FieldError {
  return { path, code, message: en, message_zh: zh };
}
