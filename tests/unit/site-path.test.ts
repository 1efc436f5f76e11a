import { describe, expect, it } from 'vitest';
import { BASE_PATH, normalizeBase, sitePath, withoutBase } from '../../src/lib/site-path';

describe('site paths under a base path', () => {
  it('normalizes SITE_BASE however it was typed', () => {
    for (const typed of [undefined, '', '/', '//']) expect(normalizeBase(typed)).toBe('/');
    for (const typed of ['/nanzhuang/yinhuan/', 'nanzhuang/yinhuan', '/nanzhuang/yinhuan', 'nanzhuang/yinhuan//']) {
      expect(normalizeBase(typed)).toBe('/nanzhuang/yinhuan/');
    }
  });

  it('is the root in tests and tools outside a site build', () => {
    expect(BASE_PATH).toBe('/');
    expect(sitePath('/report/')).toBe('/report/');
  });

  it('puts every site path under the base, fragments and queries included', () => {
    const base = '/nanzhuang/yinhuan/';
    expect(sitePath('/', base)).toBe('/nanzhuang/yinhuan/');
    expect(sitePath('/api/tips', base)).toBe('/nanzhuang/yinhuan/api/tips');
    expect(sitePath('/about/#accessibility', base)).toBe('/nanzhuang/yinhuan/about/#accessibility');
    expect(sitePath('/search/?q=燃气', base)).toBe('/nanzhuang/yinhuan/search/?q=燃气');
    expect(() => sitePath('report/', base)).toThrow('not a root-relative site path');
  });

  it('maps a URL path back to the site path, or undefined outside the base', () => {
    const base = '/nanzhuang/yinhuan/';
    expect(withoutBase('/nanzhuang/yinhuan/report/', base)).toBe('/report/');
    expect(withoutBase('/nanzhuang/yinhuan', base)).toBe('/');
    expect(withoutBase('/nanzhuang/yinhuan/', base)).toBe('/');
    expect(withoutBase('/other/', base)).toBeUndefined();
    expect(withoutBase('/report/', '/')).toBe('/report/');
  });
});
