import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../../src/lib/content/issues';
import { parseContent, parseJsonContent, parseYaml } from '../../../src/lib/content/parse';
import { VillageMap } from '../../../src/schemas/village-map';
import { HazardList } from '../../../src/schemas/hazard-list';
import { ProgressTable } from '../../../src/schemas/progress-table';
import { Site } from '../../../src/schemas/site';
import { FIXTURE_DIR } from '../../fixtures/ledger';

const LIST = 'content/hazard-lists/2023-07.yaml';
const july = () => readFileSync(join(FIXTURE_DIR, 'hazard-lists/2023-07.yaml'), 'utf8');
/** Deletes the first line containing `text` after the line containing `after`. */
function deleteLine(yaml: string, after: string, text: string): string {
  const lines = yaml.split('\n');
  const start = lines.findIndex((l) => l.includes(after));
  const index = lines.findIndex((l, i) => i > start && l.includes(text));
  if (start < 0 || index < 0) throw new Error(`no ${text} after ${after}`);
  lines.splice(index, 1);
  return lines.join('\n');
}
const lines = (file: string, text: string, schema: Parameters<typeof parseContent>[2]) => {
  const result = parseContent(file, text, schema);
  return result.ok ? [] : result.issues.map(formatIssue);
};

describe('content messages', () => {
  it('name the file, the hazard number and the field in Chinese', () => {
    const text = july().replace('deadline: 2023-08-20, ', '');
    expect(lines(LIST, text, HazardList)).toEqual([
      'content/hazard-lists/2023-07.yaml · NZ-2023-0005 · 期限: 限期整改必须填写整改期限',
    ]);
  });

  it('report every broken hazard, not just the first', () => {
    const text = july()
      .replace('deadline: 2023-08-20, ', '')
      .replace('sector: 消防\n    source: 上级交办', 'sector: 消防站\n    source: 上级交办');
    expect(lines(LIST, text, HazardList)).toEqual([
      'content/hazard-lists/2023-07.yaml · NZ-2023-0004 · 行业领域: 应为以下行业领域之一：' +
        '危险化学品、交通运输、建筑施工、燃气、冶金工贸、文化旅游、消防、高层建筑安全、食品安全、财产、能源、校园安全、养老机构、医疗卫生机构',
      'content/hazard-lists/2023-07.yaml · NZ-2023-0005 · 期限: 限期整改必须填写整改期限',
    ]);
  });

  it('label nested fields by their full meaning', () => {
    const text = deleteLine(july(), 'id: NZ-2023-0002', 'rectified:');
    expect(lines(LIST, text, HazardList)).toEqual([
      'content/hazard-lists/2023-07.yaml · NZ-2023-0002 · 整改完成日期: 已整改的隐患必须填写整改完成日期',
    ]);
    const closure = july().replace('closure: { reviewer: 县政府分管领导 武某某, date: 2023-07-05 }', 'closure: { date: 2023-07-05 }');
    expect(lines(LIST, closure, HazardList)).toEqual([
      'content/hazard-lists/2023-07.yaml · NZ-2023-0002 · 销号审核人: 必须填写',
    ]);
  });

  it('name a hazard without a number by its position', () => {
    const text = july().replace('  - id: NZ-2023-0002\n    title', '  - title');
    expect(lines(LIST, text, HazardList)).toEqual(['content/hazard-lists/2023-07.yaml · 隐患清单第2项 · 编号: 必须填写']);
  });

  it('name top-level fields without a reference', () => {
    const text = july().replace('published: 2023-07-27', 'published: 2023-07-20');
    expect(lines(LIST, text, HazardList)).toEqual(['content/hazard-lists/2023-07.yaml · 公开日期: 公开日期不能早于截至日期']);
  });

  it('name a misspelt field', () => {
    const text = july().replace('    title: 隐患E', '    titel: 隐患E');
    expect(lines(LIST, text, HazardList)).toEqual([
      'content/hazard-lists/2023-07.yaml · NZ-2023-0005 · 隐患名称: 必须填写',
      'content/hazard-lists/2023-07.yaml · NZ-2023-0005 · 未知字段：「titel」，请检查字段名拼写（区分大小写）',
    ]);
  });

  it('name the village row and the table item of a progress table', () => {
    const file = 'content/progress-tables/2023-08.yaml';
    const text = readFileSync(join(FIXTURE_DIR, 'progress-tables/2023-08.yaml'), 'utf8').replace(
      'supervisedFound: 0',
      'supervisedFound: -1',
    );
    expect(lines(file, text, ProgressTable)).toEqual([
      'content/progress-tables/2023-08.yaml · 北庄村 · 总体情况9 政府部门挂牌督办的重大事故隐患（个）: 应为非负整数',
    ]);
  });

  it('label site fields too', () => {
    const text = readFileSync(join(FIXTURE_DIR, 'site.yaml'), 'utf8').replace('phone: 0358-0000000', 'phone: ""');
    expect(lines('content/site.yaml', text, Site)).toEqual(['content/site.yaml · 举报电话: 不能为空']);
  });
});

describe('YAML syntax errors', () => {
  it('name the line', () => {
    const text = july().replace('    unit: 丙超市', '    unit: "丙超市');
    const result = parseYaml(LIST, text);
    expect(result.ok).toBe(false);
    const first = result.ok ? '' : formatIssue(result.issues[0]!);
    expect(first).toMatch(/^content\/hazard-lists\/2023-07\.yaml · 第\d+行 · YAML 格式错误：/);
  });

  it.each([
    ['a: 1\nb: 2\na: 3\n', 3, '同一层级出现重复的字段名'],
    ['a:\n\t- 1\n', 2, '不能用 Tab 缩进，请用空格'],
    ['a: [1, 2\nb: 3\n', 2, ''],
  ])('%j → line %i', (text, line, message) => {
    const result = parseYaml('x.yaml', text);
    if (result.ok) throw new Error('expected a syntax error');
    expect(result.issues[0]!.ref).toBe(`第${line}行`);
    expect(result.issues[0]!.message).toContain(message);
    expect(result.issues[0]!.message).toMatch(/^YAML 格式错误：/);
  });
});

describe('parseJsonContent (the map file)', () => {
  const Schema = VillageMap;
  const file = 'content/map/villages.geojson';
  const ok = '\ufeff{"type": "FeatureCollection", "features": []}';

  it('reads GeoJSON, with or without a byte-order mark', () => {
    expect(parseJsonContent(file, ok, Schema)).toEqual({ ok: true, value: { type: 'FeatureCollection', features: [] } });
  });

  it('names the line of a syntax error when the runtime gives one, and says what to do', () => {
    const result = parseJsonContent(file, '{\n"type" "FeatureCollection"}', Schema);
    expect(result.ok ? [] : result.issues.map(formatIssue)).toEqual([
      `${file} · 第2行 · GeoJSON 格式错误：不是有效的 JSON，请检查逗号、引号和括号，或从 GIS 软件重新导出`,
    ]);
    const noLine = parseJsonContent(file, '{"features": [,]}', Schema);
    expect(noLine.ok ? [] : noLine.issues.map(formatIssue)).toEqual([
      `${file} · GeoJSON 格式错误：不是有效的 JSON，请检查逗号、引号和括号，或从 GIS 软件重新导出`,
    ]);
  });

  it('names the boundary and the field of a schema problem', () => {
    const open = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { slug: 'jia' },
          geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] },
        },
        { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: [[[[0, 0], [1, 0], [0, 0]]]] } },
      ],
    });
    const result = parseJsonContent(file, open, Schema);
    expect(result.ok ? [] : result.issues.map(formatIssue)).toEqual([
      `${file} · 村界第1个 · 坐标: 边界环首尾坐标应相同（闭合）`,
      `${file} · 村界第2个 · 村代码: 应为文字`,
      `${file} · 村界第2个 · 坐标: 边界环至少需要 4 个坐标（首尾相同）`,
    ]);
  });
});
