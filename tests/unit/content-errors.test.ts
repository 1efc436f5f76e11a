/**
 * End to end on the real command: a copy of the sample content, broken the way a clerk might
 * break it, must stop `check-content` (exit code 1) with the exact Chinese line that points at
 * the file, the hazard and the field.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isMap, isSeq, parseDocument, type Document, type YAMLMap } from 'yaml';

const ROOT = process.cwd();
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A fresh copy of content/ as `<tmp>/content`. */
function copyContent(): string {
  const dir = mkdtempSync(join(tmpdir(), 'content-errors-'));
  made.push(dir);
  cpSync(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
  return dir;
}

/** Edits one content file through the YAML document model, keeping its comments and layout. */
function edit(dir: string, file: string, change: (doc: Document) => void): void {
  const path = join(dir, 'content', file);
  const doc = parseDocument(readFileSync(path, 'utf8'));
  change(doc);
  writeFileSync(path, doc.toString({ lineWidth: 0 }));
}
function editText(dir: string, file: string, change: (text: string) => string): void {
  const path = join(dir, 'content', file);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
}

function hazard(doc: Document, id: string): YAMLMap {
  const hazards = doc.get('hazards');
  if (!isSeq(hazards)) throw new Error('no hazards');
  const found = hazards.items.find((item) => isMap(item) && item.get('id') === id);
  if (!isMap(found)) throw new Error(`${id} not in this file`);
  return found;
}
function removeHazard(doc: Document, id: string): void {
  const hazards = doc.get('hazards');
  if (!isSeq(hazards)) throw new Error('no hazards');
  hazards.items = hazards.items.filter((item) => !(isMap(item) && item.get('id') === id));
}

/** Runs the real check with cwd = the copy's parent, so files are named content/… as a clerk sees them. */
function check(dir: string): { status: number | null; out: string } {
  const run = spawnSync(process.execPath, [TSX, join(ROOT, 'src/cli/check-content.ts')], {
    cwd: dir,
    env: { ...process.env, CONTENT_DIR: join(dir, 'content') },
    encoding: 'utf8',
  });
  return { status: run.status, out: `${run.stdout}${run.stderr}` };
}
const errorLines = (out: string) =>
  out
    .split('\n')
    .filter((l) => l.startsWith('  ✗ '))
    .map((l) => l.slice(4));

describe('check-content on broken copies of the sample content', () => {
  it('passes the unbroken sample, printing its one warning', () => {
    const { status, out } = check(copyContent());
    expect(out).toContain('✓ 内容校验通过：7 期隐患清单');
    expect(out).toContain('  ! content/progress-tables/2023-10.yaml · 石门村 · ');
    expect(status).toBe(0);
  });

  it('names a missing part of the five, and reports every broken hazard at once', () => {
    const dir = copyContent();
    edit(dir, 'hazard-lists/2023-07.yaml', (doc) => {
      hazard(doc, 'NZ-2023-0004').deleteIn(['plan', 'deadline']);
      hazard(doc, 'NZ-2023-0005').deleteIn(['closure', 'reviewer']);
    });
    const { status, out } = check(dir);
    expect(status).toBe(1);
    expect(out).toContain('发现 2 处错误：');
    expect(errorLines(out)).toEqual([
      'content/hazard-lists/2023-07.yaml · NZ-2023-0004 · 期限: 限期整改必须填写整改期限',
      'content/hazard-lists/2023-07.yaml · NZ-2023-0005 · 销号审核人: 必须填写',
    ]);
  });

  it('names the line of a YAML syntax error', () => {
    const dir = copyContent();
    let line = 0;
    editText(dir, 'hazard-lists/2023-07.yaml', (text) => {
      const lines = text.split('\n');
      line = lines.findIndex((l) => l === '    unit: 文水县南庄镇鑫旺加油站') + 1;
      lines[line - 1] = '\tunit: 文水县南庄镇鑫旺加油站';
      return lines.join('\n');
    });
    const { status, out } = check(dir);
    expect(status).toBe(1);
    expect(errorLines(out)).toContain(
      `content/hazard-lists/2023-07.yaml · 第${line}行 · YAML 格式错误：不能用 Tab 缩进，请用空格`,
    );
  });

  it('rejects a number used twice in one month', () => {
    const dir = copyContent();
    edit(dir, 'hazard-lists/2023-07.yaml', (doc) => hazard(doc, 'NZ-2023-0006').set('id', 'NZ-2023-0005'));
    const { status, out } = check(dir);
    expect(status).toBe(1);
    expect(errorLines(out)).toEqual([
      'content/hazard-lists/2023-07.yaml · NZ-2023-0005 · 编号: 编号 NZ-2023-0005 在本月清单中重复',
    ]);
  });

  it('rejects a number reused for a different hazard', () => {
    const dir = copyContent();
    edit(dir, 'hazard-lists/2023-08.yaml', (doc) => hazard(doc, 'NZ-2023-0003').set('unit', '文水县恒鑫机械有限公司'));
    const { status, out } = check(dir);
    expect(status).toBe(1);
    expect(errorLines(out)).toContain(
      'content/hazard-lists/2023-08.yaml · NZ-2023-0003 · 单位/场所: 与 2023-07 清单不一致' +
        '（文水县恒鑫铝制品有限公司 → 文水县恒鑫机械有限公司）；编号不得改用于其他隐患，如为更正须在修订记录中写明原因',
    );
  });

  it('rejects an open hazard that vanished', () => {
    const dir = copyContent();
    edit(dir, 'hazard-lists/2023-09.yaml', (doc) => removeHazard(doc, 'NZ-2023-0014'));
    const { status, out } = check(dir);
    expect(status).toBe(1);
    expect(errorLines(out)).toEqual([
      'content/hazard-lists/2023-09.yaml · NZ-2023-0014 · 隐患清单: 2023-08 清单中的该隐患（整改中）未出现在本月清单；' +
        '未销号的隐患不得删除，如确需删除须在修订记录中写明原因',
    ]);
  });

  it('rejects a status moving backwards', () => {
    const dir = copyContent();
    edit(dir, 'hazard-lists/2023-11.yaml', (doc) => {
      const h = hazard(doc, 'NZ-2023-0010');
      h.set('status', '整改中');
      for (const key of ['result', 'rectified', 'closure']) h.delete(key);
    });
    const { status, out } = check(dir);
    expect(status).toBe(1);
    // (December, which dropped it as closed, now also loses an open hazard.)
    expect(errorLines(out)).toContain(
      'content/hazard-lists/2023-11.yaml · NZ-2023-0010 · 状态: 状态不能从「已整改」退回「整改中」，如确需更正须在修订记录中写明原因',
    );
  });

  it('rejects the number of a closed hazard used again', () => {
    const dir = copyContent();
    const july = parseDocument(readFileSync(join(dir, 'content/hazard-lists/2023-07.yaml'), 'utf8'));
    const closed = hazard(july, 'NZ-2023-0002');
    edit(dir, 'hazard-lists/2023-09.yaml', (doc) => (doc.get('hazards') as { items: unknown[] }).items.push(closed));
    const { status, out } = check(dir);
    expect(status).toBe(1);
    expect(errorLines(out)).toEqual([
      'content/hazard-lists/2023-09.yaml · NZ-2023-0002 · 编号: 该编号已于 2023-07 销号，编号不得重复使用',
    ]);
  });

  it('rejects a village not in the site file', () => {
    const dir = copyContent();
    edit(dir, 'hazard-lists/2023-12.yaml', (doc) => hazard(doc, 'NZ-2023-0052').set('village', '西庄村'));
    const { status, out } = check(dir);
    expect(status).toBe(1);
    expect(errorLines(out)).toEqual([
      'content/hazard-lists/2023-12.yaml · NZ-2023-0052 · 所在村: 「西庄村」不在 content/site.yaml 的村名单中',
    ]);
  });

  it('rejects an impossible date and a misspelt field', () => {
    const dir = copyContent();
    edit(dir, 'hazard-lists/2023-12.yaml', (doc) => {
      const h = hazard(doc, 'NZ-2023-0052');
      h.set('found', '2023-02-30');
      h.set('titel', h.get('title'));
      h.delete('title');
    });
    const { status, out } = check(dir);
    expect(status).toBe(1);
    expect(errorLines(out)).toEqual([
      'content/hazard-lists/2023-12.yaml · NZ-2023-0052 · 隐患名称: 必须填写',
      'content/hazard-lists/2023-12.yaml · NZ-2023-0052 · 发现日期: 应为真实日期，格式 YYYY-MM-DD（如 2023-06-25）',
      'content/hazard-lists/2023-12.yaml · NZ-2023-0052 · 未知字段：「titel」，请检查字段名拼写（区分大小写）',
    ]);
  });

  it('names the village and item of a wrong progress-table figure', () => {
    const dir = copyContent();
    edit(dir, 'progress-tables/2023-12.yaml', (doc) => doc.setIn(['rows', 6, 'enforcement', 'penaltyAmount'], -1));
    const { status, out } = check(dir);
    expect(status).toBe(1);
    expect(errorLines(out)).toEqual([
      'content/progress-tables/2023-12.yaml · 石门村 · 部门精准严格执法情况3 行政处罚（万元）: 应为非负数',
    ]);
  });

  it('names the village or sector and the field of a wrong contact, and a malformed filing number', () => {
    const dir = copyContent();
    edit(dir, 'site.yaml', (doc) => {
      doc.setIn(['villages', 0, 'cadre', 'phone'], '找村委会');
      doc.deleteIn(['sectors', 3, 'leader', 'name']);
      doc.setIn(['website', 'icp'], 'ICP 12345');
      doc.setIn(['website', 'identifier'], '14112');
    });
    const { status, out } = check(dir);
    expect(status).toBe(1);
    expect(errorLines(out)).toEqual([
      'content/site.yaml · 南庄村 · 包村干部电话: 应包含可以拨打的电话号码，如 0358-1234567 或 13800000000',
      'content/site.yaml · 燃气 · 分管领导姓名: 必须填写',
      'content/site.yaml · 网站标识码: 网站标识码应为 10 位数字，如 1411210001',
      'content/site.yaml · ICP备案号: ICP 备案号应形如“晋ICP备12345678号”或“晋ICP备12345678号-1”',
    ]);
  });

  it('names the field of a wrong 政府信息公开 block', () => {
    const dir = copyContent();
    edit(dir, 'hazard-lists/2023-12.yaml', (doc) => {
      doc.setIn(['publicInfo', 'written'], '2023-12-30');
      doc.deleteIn(['publicInfo', 'category']);
    });
    const { status, out } = check(dir);
    expect(status).toBe(1);
    expect(errorLines(out)).toEqual([
      'content/hazard-lists/2023-12.yaml · 主题分类: 必须填写',
      'content/hazard-lists/2023-12.yaml · 成文日期: 成文日期不能晚于公开日期',
    ]);
  });
});

describe('check-content on a broken map file or a misplaced location', () => {
  const MAP = 'map/villages.geojson';
  const editMap = (dir: string, change: (map: { features: { properties: { slug: string } }[] }) => void) =>
    editText(dir, MAP, (text) => {
      const map = JSON.parse(text) as { features: { properties: { slug: string } }[] };
      change(map);
      return JSON.stringify(map, null, 2);
    });

  it('names a hazard located outside its own village', () => {
    const dir = copyContent();
    // NZ-2023-0013 is in 南庄村; this point lies in 北庄村.
    edit(dir, 'hazard-lists/2023-12.yaml', (doc) => hazard(doc, 'NZ-2023-0013').set('location', [112.1, 37.485]));
    const { status, out } = check(dir);
    expect(status).toBe(1);
    expect(errorLines(out)).toEqual(['content/hazard-lists/2023-12.yaml · NZ-2023-0013 · 位置: 不在南庄村范围内']);
  });

  it('rejects a location that is not [longitude, latitude]', () => {
    const dir = copyContent();
    edit(dir, 'hazard-lists/2023-12.yaml', (doc) => hazard(doc, 'NZ-2023-0013').set('location', [37.45, 212.05]));
    const { status, out } = check(dir);
    expect(status).toBe(1);
    expect(errorLines(out)).toEqual([
      'content/hazard-lists/2023-12.yaml · NZ-2023-0013 · 位置: 纬度应在 -90 到 90 之间',
    ]);
  });

  it('names a village without a boundary and a boundary of an unknown village', () => {
    const dir = copyContent();
    editMap(dir, (map) => {
      map.features = map.features.filter((f) => f.properties.slug !== 'shimen');
      map.features[1]!.properties.slug = 'beicun';
    });
    const { status, out } = check(dir);
    expect(status).toBe(1);
    expect(errorLines(out)).toEqual([
      'content/map/villages.geojson · 村界第2个 · 村代码: site.yaml 中没有代码为 beicun 的村',
      'content/map/villages.geojson · 北庄村 · 缺少该村的村界（properties.slug 为 beizhuang）',
      'content/map/villages.geojson · 石门村 · 缺少该村的村界（properties.slug 为 shimen）',
    ]);
  });

  it('rejects broken GeoJSON, naming the line', () => {
    const dir = copyContent();
    editText(dir, MAP, (text) => text.replace('"name": ', '"name" '));
    const { status, out } = check(dir);
    expect(status).toBe(1);
    expect(errorLines(out)).toEqual([
      'content/map/villages.geojson · 第3行 · GeoJSON 格式错误：不是有效的 JSON，请检查逗号、引号和括号，或从 GIS 软件重新导出',
    ]);
  });

  it('rejects a boundary that is not a closed polygon', () => {
    const dir = copyContent();
    editText(dir, MAP, (text) => text.replace('"type": "Polygon"', '"type": "LineString"'));
    const { status, out } = check(dir);
    expect(status).toBe(1);
    expect(errorLines(out)).toEqual([
      'content/map/villages.geojson · 村界第1个 · 边界类型: 村界应为 Polygon 或 MultiPolygon',
    ]);
  });
});
