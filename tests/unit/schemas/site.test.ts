import { describe, expect, it } from 'vitest';
import { AreaContact, Website } from '../../../src/schemas/site';

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.success ? [] : result.error!.issues.map((i) => i.message);

describe('Website (the footer of a government site)', () => {
  it('needs only the sponsor; the filing numbers come when the site has them', () => {
    expect(Website.parse({ sponsor: '南庄镇人民政府' })).toEqual({ sponsor: '南庄镇人民政府' });
  });

  it('accepts the numbers as they are issued, and sample values marked （示例）', () => {
    for (const website of [
      {
        sponsor: '南庄镇人民政府',
        identifier: '1411210001',
        icp: '晋ICP备12345678号',
        publicSecurity: '晋公网安备 14112102000123号',
      },
      { sponsor: '南庄镇人民政府', icp: '晋ICP备12345678号-1', publicSecurity: '晋公网安备14112102000123号' },
      { sponsor: '南庄镇人民政府', identifier: '0000000000（示例）', icp: '晋ICP备00000000号（示例）' },
    ]) {
      expect(messages(Website.safeParse(website)), JSON.stringify(website)).toEqual([]);
    }
  });

  it('says in Chinese what a malformed number should look like', () => {
    expect(messages(Website.safeParse({ sponsor: '南庄镇人民政府', identifier: '141121' }))).toEqual([
      '网站标识码应为 10 位数字，如 1411210001',
    ]);
    expect(messages(Website.safeParse({ sponsor: '南庄镇人民政府', icp: '12345678' }))).toEqual([
      'ICP 备案号应形如“晋ICP备12345678号”或“晋ICP备12345678号-1”',
    ]);
    expect(messages(Website.safeParse({ sponsor: '南庄镇人民政府', publicSecurity: '晋公网安备 1411号' }))).toEqual([
      '公安机关备案号应形如“晋公网安备 14112102000123号”（14 位数字）',
    ]);
  });
});

describe('AreaContact (包村干部, 分管领导)', () => {
  it('takes a name, and a title and a phone when the office publishes them', () => {
    expect(AreaContact.parse({ name: '赵某某' })).toEqual({ name: '赵某某' });
    expect(AreaContact.parse({ name: '赵某某', title: '副镇长', phone: '0358-0000101（示例）' }).phone).toBe(
      '0358-0000101（示例）',
    );
  });

  it('refuses a phone with no number to dial', () => {
    expect(messages(AreaContact.safeParse({ name: '赵某某', phone: '找村委会' }))).toEqual([
      '应包含可以拨打的电话号码，如 0358-1234567 或 13800000000',
    ]);
  });
});
