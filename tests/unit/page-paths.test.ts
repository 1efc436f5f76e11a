import { describe, expect, it } from 'vitest';
import { hazardPath, mapPath, monthPath, sectorPath, villagePath } from '../../src/lib/page-paths';

describe('page paths', () => {
  it('names each page type by its folder, with the trailing slash the built pages have', () => {
    expect(monthPath('2023-06')).toBe('/disclosures/2023-06/');
    expect(hazardPath('NZ-2023-0023')).toBe('/hazards/NZ-2023-0023/');
    expect(villagePath('nanzhuang')).toBe('/villages/nanzhuang/');
    expect(sectorPath('transport')).toBe('/sectors/transport/');
  });

  it("is a month's map with a month, the latest map without", () => {
    expect(mapPath('2023-06')).toBe('/disclosures/2023-06/map/');
    expect(mapPath()).toBe('/map/');
  });
});
