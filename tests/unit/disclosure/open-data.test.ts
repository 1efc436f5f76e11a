import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  DATA_FIELDS,
  byteLength,
  csvField,
  dataFileSpecs,
  hazardsCsv,
  ledgerJson,
  monthCsv,
  monthJson,
  publicHazard,
} from '../../../src/lib/disclosure/open-data';
import { sha256Hex } from '../../../src/lib/bytes';
import { Ledger } from '../../../src/lib/ledger/ledger';
import { parseCsv } from './csv-parse';
import { deadlinePlan, hazard, list, threeMonths } from './fixtures';
import { rowOf } from '../statistics/table-fixtures';

const info = { township: '南庄镇', campaign: '专项行动', sample: true };
const publicInfoOf = (json: string) =>
  (JSON.parse(json) as { publicInfo: { number: string | null } | null }).publicInfo;

describe('csvField', () => {
  it('quotes only what RFC 4180 requires', () => {
    expect(csvField('燃气')).toBe('燃气');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('说"明"')).toBe('"说""明"""');
    expect(csvField('一\n二')).toBe('"一\n二"');
  });

  it('keeps spreadsheets from running formulas', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('+1')).toBe(`"'+1"`);
    expect(csvField('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
  });
});

describe('month CSV', () => {
  it('starts with a BOM, ends records with CRLF and has one row per hazard of the month', () => {
    const csv = monthCsv(threeMonths(), '2023-07');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual(DATA_FIELDS.map((f) => f.column));
    expect(rows).toHaveLength(1 + 4);
    expect(rows.map((r) => r.length).every((n) => n === DATA_FIELDS.length)).toBe(true);
    const a = rows.find((r) => r[0] === 'NZ-2023-0001')!;
    const col = (name: string) => a[DATA_FIELDS.findIndex((f) => f.column === name)];
    expect(col('整改期限')).toBe('2023-07-10');
    expect(col('是否逾期')).toBe('是');
    expect(col('挂牌督办部门')).toBe('');
    expect(col('本月推进情况')).toBe('2023-07-13 管道已采购');
  });

  it('survives commas, quotes and line breaks in any field', () => {
    const h = hazard({ id: 'NZ-2023-0009', title: '储罐区"防爆",电气', description: '第一行\n第二行' });
    const rows = parseCsv(hazardsCsv([publicHazard(h, '2023-06-25')]).slice(1));
    expect(rows[1]![1]).toBe('储罐区"防爆",电气');
    expect(rows[1]!.at(-1)).toBe('第一行\n第二行');
  });
});

describe('JSON files', () => {
  const secret = 'a'.repeat(32);
  const ledger = new Ledger([
    list('2023-06', [
      hazard({ id: 'NZ-2023-0001', tipKey: secret, source: '群众举报' }),
      hazard({ id: 'NZ-2023-0002', mode: '限期整改', plan: deadlinePlan('2023-06-10') }),
    ]),
  ]);

  it('never publishes the tip receipt key', () => {
    for (const text of [monthJson(info, ledger, '2023-06'), ledgerJson(info, ledger), monthCsv(ledger, '2023-06')]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain('tipKey');
    }
  });

  it('carries the month, its figures and every hazard with null for missing values', () => {
    const doc = JSON.parse(monthJson(info, ledger, '2023-06')) as { hazards: unknown[] };
    expect(doc).toMatchObject({
      township: '南庄镇',
      sample: true,
      month: '2023-06',
      cutoff: '2023-06-25',
      published: '2023-06-28',
      figures: { total: 2, open: 2, rectified: 0, closed: 0, overdue: 1 },
    });
    expect(doc.hazards).toHaveLength(2);
    expect(doc.hazards[0]).toMatchObject({ supervision: null, result: null, closure: null, overdue: false });
    expect(doc.hazards[1]).toMatchObject({ overdue: true, plan: { deadline: '2023-06-10' } });
  });

  it('carries the month’s 政府信息公开 block, with its publication date, or null without one', () => {
    const publicInfo = {
      index: 'X/2023-00001',
      category: '安全生产',
      publisher: '南庄镇人民政府',
      written: '2023-06-27',
    };
    const withInfo = new Ledger([list('2023-06', [hazard({ id: 'NZ-2023-0001' })], { publicInfo })]);
    expect(publicInfoOf(monthJson(info, withInfo, '2023-06'))).toEqual({
      ...publicInfo,
      published: '2023-06-28',
      number: null,
    });
    const numbered = new Ledger([
      list('2023-06', [hazard({ id: 'NZ-2023-0001' })], { publicInfo: { ...publicInfo, number: '南政发〔2023〕1号' } }),
    ]);
    expect(publicInfoOf(monthJson(info, numbered, '2023-06'))?.number).toBe('南政发〔2023〕1号');
    expect(publicInfoOf(monthJson(info, ledger, '2023-06'))).toBeNull();
  });

  it('holds every month in the ledger file, oldest first', () => {
    const doc = JSON.parse(ledgerJson(info, threeMonths())) as { months: { month: string; hazards: unknown[] }[] };
    expect(doc.months.map((m) => m.month)).toEqual(['2023-06', '2023-07', '2023-08']);
    expect(doc.months[1]!.hazards).toHaveLength(4);
  });
});

describe('checksums', () => {
  it('hashes the UTF-8 bytes served, BOM included', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const csv = monthCsv(threeMonths(), '2023-06');
    const bytes = Buffer.from(csv, 'utf8');
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(await sha256Hex(csv)).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(byteLength(csv)).toBe(bytes.length);
  });

  it('gives the same bytes for the same content (no build time inside)', () => {
    const bodies = () => dataFileSpecs(info, threeMonths()).map((file) => [file.path, file.make()]);
    expect(bodies()).toEqual(bodies());
  });

  it('lists the ledger and a JSON and a CSV per month, newest month first', () => {
    expect(dataFileSpecs(info, threeMonths()).map((f) => f.path)).toEqual([
      '/data/ledger.json',
      '/data/2023-08.json',
      '/data/2023-08.csv',
      '/data/2023-07.json',
      '/data/2023-07.csv',
      '/data/2023-06.json',
      '/data/2023-06.csv',
    ]);
  });
});

describe('the month’s 调度表 as open data', () => {
  const table = {
    month: '2023-08',
    asOf: '2023-08-25',
    rows: [rowOf('乙村', 2), rowOf('甲村', 1)],
  };

  it('joins the month’s files, as CSV and JSON, for months that have a table', () => {
    const paths = dataFileSpecs(info, threeMonths(), [table], ['甲村', '乙村', '丙村']).map((f) => f.path);
    expect(paths.slice(0, 5)).toEqual([
      '/data/ledger.json',
      '/data/2023-08.json',
      '/data/2023-08.csv',
      '/data/2023-08-table.json',
      '/data/2023-08-table.csv',
    ]);
    expect(paths.filter((p) => p.includes('-table'))).toHaveLength(2);
  });

  it('CSV: UTF-8 with BOM, CRLF, a column per village and the township total', () => {
    const spec = dataFileSpecs(info, threeMonths(), [table], ['甲村', '乙村', '丙村']).find((f) =>
      f.path.endsWith('-table.csv'),
    )!;
    const csv = spec.make();
    expect(csv.startsWith('\uFEFF类别,序号,项目,甲村,乙村,丙村,全镇合计\r\n')).toBe(true);
    expect(csv).toContain('\r\n总体情况,1,企业自查发现的重大事故隐患（个）,1,2,,3\r\n');
    expect(csv).toContain('部门精准严格执法情况,3,行政处罚（万元）,1.25,2.25,,3.5\r\n');
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(parseCsv(csv.slice(1))).toHaveLength(32);
  });

  it('JSON: every figure with each village’s value (null: not reported) and the total', () => {
    const spec = dataFileSpecs(info, threeMonths(), [table], ['甲村']).find((f) => f.path.endsWith('-table.json'))!;
    const doc = JSON.parse(spec.make()) as {
      township: string;
      month: string;
      asOf: string;
      villages: string[];
      figures: { section: string; no: number; key: string; values: Record<string, number | null>; total: number }[];
    };
    expect(doc).toMatchObject({ township: '南庄镇', month: '2023-08', asOf: '2023-08-25', villages: ['甲村', '乙村'] });
    expect(doc.figures).toHaveLength(31);
    expect(doc.figures[0]).toEqual({
      section: '总体情况',
      no: 1,
      key: 'selfFound',
      label: '企业自查发现的重大事故隐患（个）',
      unit: '个',
      values: { 甲村: 1, 乙村: 2 },
      total: 3,
    });
    const notReported = JSON.parse(
      dataFileSpecs(info, threeMonths(), [table], ['甲村', '乙村', '丙村'])
        .find((f) => f.path.endsWith('-table.json'))!
        .make(),
    ) as { figures: { values: Record<string, number | null> }[] };
    expect(notReported.figures[0]!.values.丙村).toBeNull();
  });
});

describe('GeoJSON of the located hazards', () => {
  const located = new Ledger([
    list('2023-06', [
      hazard({ id: 'NZ-2023-0001', location: [112.02, 37.42], mode: '限期整改', plan: deadlinePlan('2023-06-10') }),
      hazard({ id: 'NZ-2023-0002' }),
    ]),
    list('2023-07', [hazard({ id: 'NZ-2023-0002' })]),
  ]);

  it('lists a month only when a hazard of it carries a location', () => {
    expect(dataFileSpecs(info, located).map((f) => [f.path, f.format])).toEqual([
      ['/data/ledger.json', 'JSON'],
      ['/data/2023-07.json', 'JSON'],
      ['/data/2023-07.csv', 'CSV'],
      ['/data/2023-06.json', 'JSON'],
      ['/data/2023-06.csv', 'CSV'],
      ['/data/2023-06.geojson', 'GeoJSON'],
    ]);
  });

  it('is an RFC 7946 collection of points, longitude first, with the published fields', () => {
    const body = dataFileSpecs(info, located)
      .find((f) => f.path === '/data/2023-06.geojson')!
      .make();
    const doc = JSON.parse(body) as {
      type: string;
      sample: boolean;
      month: string;
      features: { type: string; id: string; geometry: unknown; properties: Record<string, unknown> }[];
    };
    expect(doc.type).toBe('FeatureCollection');
    expect([doc.sample, doc.month]).toEqual([true, '2023-06']);
    expect(doc.features).toHaveLength(1);
    const [feature] = doc.features;
    expect(feature!.id).toBe('NZ-2023-0001');
    expect(feature!.geometry).toEqual({ type: 'Point', coordinates: [112.02, 37.42] });
    expect(feature!.properties).toMatchObject({ id: 'NZ-2023-0001', overdue: true, status: '整改中' });
    expect(feature!.properties).not.toHaveProperty('tipKey');
  });
});
