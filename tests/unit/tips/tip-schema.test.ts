import { describe, expect, it } from 'vitest';
import { generateReceipt } from '../../../src/lib/tips/receipt';
import { chinaDay } from '../../../src/schemas/common';
import { Tip, tipForVillages, VILLAGE_UNKNOWN } from '../../../src/schemas/tip';

const base = () => ({ version: 1, receipt: generateReceipt(), what: '燃气管道被违章建筑占压', village: '南庄村' });

describe('Tip schema', () => {
  it('needs only what and where; blank optional fields are dropped', () => {
    const tip = Tip.parse({ ...base(), place: ' ', sector: '', unit: '', seen: '', contact: '' });
    expect(tip).toEqual({ ...base(), receipt: tip.receipt, photos: [] });
  });

  it('gives Chinese messages per field', () => {
    const result = Tip.safeParse({ ...base(), what: '  ', village: '', sector: '不存在', seen: '2099-01-01' });
    expect(result.success).toBe(false);
    const byField = Object.fromEntries(result.error!.issues.map((i) => [String(i.path[0]), i.message]));
    expect(byField.what).toBe('请写明发现了什么隐患');
    expect(byField.village).toBe('请选择隐患所在的村');
    expect(byField.sector).toContain('行业领域');
    expect(byField.seen).toBe('发现日期不能晚于今天');
  });

  it('refuses control and bidi-override characters, and overlong text', () => {
    for (const what of ['有\u0000隐患', '有\u202e隐患', 'x'.repeat(4001)]) {
      expect(Tip.safeParse({ ...base(), what }).success).toBe(false);
    }
    expect(Tip.safeParse({ ...base(), what: '第一行\n第二行\t缩进' }).success).toBe(true);
  });

  it('refuses unknown fields, more than 3 photos and photos that are not JPEG', () => {
    expect(Tip.safeParse({ ...base(), name: '张三' }).success).toBe(false);
    const photo = { type: 'image/jpeg', width: 10, height: 10, data: '/9j/AAAA' };
    expect(Tip.safeParse({ ...base(), photos: [photo, photo, photo] }).success).toBe(true);
    expect(Tip.safeParse({ ...base(), photos: [photo, photo, photo, photo] }).success).toBe(false);
    expect(Tip.safeParse({ ...base(), photos: [{ ...photo, data: 'iVBORw0KGgo=' }] }).success).toBe(false);
    expect(Tip.safeParse({ ...base(), photos: [{ ...photo, width: 4000 }] }).success).toBe(false);
  });

  it('checks the village against the site file', () => {
    const schema = tipForVillages(['南庄村', '北庄村']);
    expect(schema.safeParse(base()).success).toBe(true);
    expect(schema.safeParse({ ...base(), village: VILLAGE_UNKNOWN }).success).toBe(true);
    expect(schema.safeParse({ ...base(), village: '外星村' }).success).toBe(false);
  });

  it('today in China is a valid seen date', () => {
    expect(Tip.safeParse({ ...base(), seen: chinaDay() }).success).toBe(true);
  });
});
