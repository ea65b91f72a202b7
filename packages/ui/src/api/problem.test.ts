import { describe, expect, it } from 'vitest';
import { fieldName, problemDetail, problemFrom, problemTitle } from './problem.ts';

describe('problems', () => {
  it('read the API’s problem+json with its field errors', () => {
    const p = problemFrom(400, {
      type: 'https://kaoping.cn/problems/validation',
      status: 400,
      title: 'Validation failed',
      title_zh: '数据校验未通过',
      detail: 'Nothing was imported: 1 error(s)',
      detail_zh: '导入未执行：1 处错误，没有写入任何单元',
      errors: [
        {
          path: 'line 2',
          code: 'invalid',
          message: 'kind: unknown kind "乡村"',
          message_zh: 'kind：无法识别的类型“乡村”',
        },
        { path: 'body.x', code: 'x' },
      ],
      request_id: 'r1',
    });
    expect(problemTitle(p)).toEqual({ zh: '数据校验未通过', en: 'Validation failed' });
    expect(problemDetail(p)?.zh).toBe('导入未执行：1 处错误，没有写入任何单元');
    expect(p.errors).toHaveLength(1);
    expect(p.request_id).toBe('r1');
  });

  it('give a readable problem for answers that are not ours', () => {
    expect(problemTitle(problemFrom(502, '<html>Bad gateway</html>'))).toEqual({
      zh: '服务器内部错误',
      en: 'Internal server error',
    });
    expect(problemFrom(401, { error: 'invalid_client' }).title_zh).toBe('未登录或凭证无效');
    expect(problemTitle(problemFrom(0, null)).zh).toBe('无法连接服务器，请检查网络后重试');
  });

  it('name form fields by the API’s error paths', () => {
    expect(fieldName('body.tenant.slug')).toBe('tenant.slug');
    expect(fieldName('body.grants.0.stage')).toBe('grants.0.stage');
    expect(fieldName('query.since')).toBe('since');
    expect(fieldName('line 7')).toBe('line 7');
    expect(fieldName('body')).toBe('body');
  });
});
