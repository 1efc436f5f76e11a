import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ContentSources } from '../../../src/lib/content/folder';
import { formatIssue } from '../../../src/lib/content/issues';
import { readContentSet } from '../../../src/lib/content-set/content-set';
import { loadContent } from '../../../src/lib/content-set/load';
import { FIXTURE_DIR, fixtureSources } from '../../fixtures/ledger';

const lines = (sources: ContentSources) => {
  const result = readContentSet(sources);
  const issues = result.ok ? result.content.warnings : result.issues;
  return { ok: result.ok, lines: issues.map((i) => `${i.severity === 'error' ? '✗' : '!'} ${formatIssue(i)}`) };
};
const DISAGREEMENT =
  '! content/progress-tables/2023-08.yaml · 北庄村 · 总体情况9 政府部门挂牌督办的重大事故隐患（个）: 填报 0，台账统计 1，请核实';

describe('readContentSet', () => {
  it('validates the whole set and builds the ledger, keeping warnings', () => {
    const result = readContentSet(fixtureSources());
    if (!result.ok) throw new Error('fixture should validate');
    expect(result.content.lists.map((l) => l.file)).toEqual([
      'content/hazard-lists/2023-06.yaml',
      'content/hazard-lists/2023-07.yaml',
      'content/hazard-lists/2023-08.yaml',
    ]);
    expect(result.content.ledger.months).toEqual(['2023-06', '2023-07', '2023-08']);
    expect(result.content.tables.map((t) => t.table.month)).toEqual(['2023-08']);
    expect(result.content.warnings.map((i) => `! ${formatIssue(i)}`)).toEqual([DISAGREEMENT]);
  });

  it('rejects a file named after another month', () => {
    const sources = fixtureSources();
    const lists = [...sources.hazardLists];
    lists[2] = { ...lists[2]!, path: 'content/hazard-lists/2023-09.yaml' };
    expect(lines({ ...sources, hazardLists: lists })).toEqual({
      ok: false,
      lines: ['✗ content/hazard-lists/2023-09.yaml · 月份: 文件名应与月份一致：2023-08.yaml', DISAGREEMENT],
    });
  });

  it('reports a broken list alone, without rules comparing the wrong months', () => {
    const sources = fixtureSources();
    const lists = [...sources.hazardLists];
    lists[1] = { ...lists[1]!, text: lists[1]!.text.replace('status: 已销号', 'status: 销号') };
    // Without July, August would seem to drop B (已整改 in June) and to change nothing else.
    expect(lines({ ...sources, hazardLists: lists })).toEqual({
      ok: false,
      lines: ['✗ content/hazard-lists/2023-07.yaml · NZ-2023-0002 · 状态: 应为以下状态之一：整改中、已整改、已销号'],
    });
  });

  it('stops at a broken site file, after reading every other file', () => {
    const sources = fixtureSources();
    const site = { ...sources.site, text: sources.site.text.replace('county: 文水县\n', '') };
    const lists = [...sources.hazardLists];
    lists[0] = { ...lists[0]!, text: lists[0]!.text.replace('published: 2023-06-28', 'published: 2023-06-20') };
    expect(lines({ ...sources, site, hazardLists: lists })).toEqual({
      ok: false,
      lines: [
        '✗ content/site.yaml · 县: 必须填写',
        '✗ content/hazard-lists/2023-06.yaml · 公开日期: 公开日期不能早于截至日期',
      ],
    });
  });
});

describe('loadContent', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  const copy = () => {
    dir = mkdtempSync(join(tmpdir(), 'content-'));
    cpSync(FIXTURE_DIR, dir, { recursive: true });
    return dir;
  };

  it('reads a content folder from disk, skipping _template files', () => {
    const content = copy();
    writeFileSync(join(content, 'hazard-lists/_template.yaml'), 'month: 这不是清单\n');
    writeFileSync(join(content, 'progress-tables/_template.yaml'), '[');
    writeFileSync(join(content, 'hazard-lists/README.txt'), '说明');
    const result = loadContent(content);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.content.ledger.ids()).toHaveLength(6);
  });

  it('says so when the site file is missing', () => {
    const content = copy();
    rmSync(join(content, 'site.yaml'));
    const result = loadContent(content);
    expect(result.ok ? [] : result.issues.map((i) => i.message)).toEqual(['找不到站点文件 site.yaml']);
  });

  it('reads CONTENT_DIR when no folder is given', () => {
    const content = copy();
    rmSync(join(content, 'hazard-lists/2023-08.yaml'));
    const before = process.env.CONTENT_DIR;
    process.env.CONTENT_DIR = content;
    try {
      const result = loadContent();
      expect(result.ok && result.content.ledger.months).toEqual(['2023-06', '2023-07']);
    } finally {
      if (before === undefined) delete process.env.CONTENT_DIR;
      else process.env.CONTENT_DIR = before;
    }
  });
});

describe('readContentSet with a map file', () => {
  const MAP = 'content/map/villages.geojson';

  it('stops on broken GeoJSON, naming the file', () => {
    const result = lines({ ...fixtureSources(), map: { path: MAP, text: '{"type": ' } });
    expect(result.ok).toBe(false);
    expect(result.lines[0]).toBe(
      `✗ ${MAP} · GeoJSON 格式错误：不是有效的 JSON，请检查逗号、引号和括号，或从 GIS 软件重新导出`,
    );
  });

  it('checks the boundaries against the site file, and keeps the map', () => {
    const empty = { path: MAP, text: '{"type": "FeatureCollection", "name": "示例", "features": []}' };
    const result = lines({ ...fixtureSources(), map: empty });
    expect(result.ok).toBe(false);
    expect(result.lines.filter((l) => l.startsWith(`✗ ${MAP}`)).length).toBeGreaterThan(0);
    expect(result.lines.every((l) => !l.startsWith('✗') || l.includes('缺少该村的村界'))).toBe(true);
  });
});
