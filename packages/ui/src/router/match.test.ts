import { describe, expect, it } from 'vitest';
import { matchPath, safeNextPath } from './match.ts';

describe('matchPath', () => {
  it('matches whole segments and decodes parameters', () => {
    expect(matchPath('/org', '/org')).toEqual({});
    expect(matchPath('/org', '/org/')).toEqual({});
    expect(matchPath('/org', '/organisation')).toBeNull();
    expect(matchPath('/', '/')).toEqual({});
    expect(matchPath('/packs/:key/:version', '/packs/gz.hqe-village/2024.1')).toEqual({
      key: 'gz.hqe-village',
      version: '2024.1',
    });
    expect(matchPath('/units/:name', '/units/%E8%89%AF%E5%8F%A3%E9%95%87')).toEqual({
      name: '良口镇',
    });
    expect(matchPath('/units/:name', '/units/%E0%A4%A')).toBeNull();
  });
});

describe('safeNextPath', () => {
  it('keeps paths on this site and nothing else', () => {
    expect(safeNextPath('/people?status=all')).toBe('/people?status=all');
    expect(safeNextPath('//evil.example/x')).toBe('/');
    expect(safeNextPath('/\\evil.example')).toBe('/');
    expect(safeNextPath('https://evil.example')).toBe('/');
    expect(safeNextPath(null)).toBe('/');
  });
});
