import { describe, expect, it } from 'vitest';
import { resultPath } from '../../../src/lib/search/result-path';

const page = 'https://www.example-county.gov.cn/nanzhuang/yinhuan/search/?q=燃气';

describe('resultPath', () => {
  it('turns a merged shard’s absolute result URL into the same path shard 0 gives', () => {
    expect(resultPath('https://www.example-county.gov.cn/nanzhuang/yinhuan/hazards/NZ-2023-0023/', page)).toBe(
      '/nanzhuang/yinhuan/hazards/NZ-2023-0023/',
    );
    expect(resultPath('/nanzhuang/yinhuan/hazards/NZ-2023-0023/', page)).toBe(
      '/nanzhuang/yinhuan/hazards/NZ-2023-0023/',
    );
  });

  it('keeps a query and a fragment', () => {
    expect(resultPath('https://www.example-county.gov.cn/hazards/NZ-2023-0001/#history', page)).toBe(
      '/hazards/NZ-2023-0001/#history',
    );
  });

  it('leaves another origin’s URL alone', () => {
    expect(resultPath('https://elsewhere.example/hazards/x/', page)).toBe('https://elsewhere.example/hazards/x/');
  });
});
