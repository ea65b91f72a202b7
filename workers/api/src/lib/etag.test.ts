import { describe, expect, it } from 'vitest';
import { formatETag, parseIfMatch } from './etag.ts';

describe('ETags', () => {
  it('are the row version in quotes, and If-Match reads back strong or weak forms', () => {
    expect(formatETag(3)).toBe('"3"');
    expect(parseIfMatch('"3"')).toBe(3);
    expect(parseIfMatch(' W/"12" ')).toBe(12);
    for (const bad of ['3', '*', '"3", "4"', '"abc"', '""', '"1e3"', `"${'9'.repeat(20)}"`]) {
      expect(parseIfMatch(bad), bad).toBeNull();
    }
  });
});
