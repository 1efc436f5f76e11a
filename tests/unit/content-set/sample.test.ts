/**
 * The sample content reads like a real township's: the people it names are the township's public
 * officials as /about/ lists them (the notice's leadership group), each hazard is handed to its
 * village's 包村干部 or its sector's 分管领导, stations handle only what they regulate, plants sit under
 * the sector their hazard belongs to, no sentence is pasted from one hazard into another, and the
 * village tables hold only figures a village can report.
 */
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/lib/content-set/load';

const loaded = loadContent();
if (!loaded.ok) throw new Error('the sample content does not validate');
const { site, ledger, tables } = loaded.content;
const hazards = ledger.months.flatMap((month) => ledger.list(month).hazards);
const leadership = new Map<string, string[]>();
for (const m of site.leadership) leadership.set(m.name, [...(leadership.get(m.name) ?? []), m.title]);

describe('the sample content', () => {
  it('names as 包村干部 and 分管领导 only members of the leadership group, with their titles as /about/ gives them', () => {
    const contacts = [...site.villages.map((v) => v.cadre), ...site.sectors.map((s) => s.leader)];
    for (const person of contacts) {
      expect(person, 'every village and sector names its contact').toBeDefined();
      expect(leadership.has(person!.name), person!.name).toBe(true);
      // One of the titles the list gives the person, or a part of one (党委委员、武装部长 → 武装部长).
      const titles = leadership.get(person!.name)!.flatMap((t) => [t, ...t.split('、')]);
      expect(titles, person!.name).toContain(person!.title);
    }
  });

  it('gives one person one phone number', () => {
    const phones = new Map<string, Set<string>>();
    for (const p of [...site.villages.map((v) => v.cadre), ...site.sectors.map((s) => s.leader)]) {
      if (p?.phone) phones.set(p.name, (phones.get(p.name) ?? new Set()).add(p.phone));
    }
    for (const [name, numbers] of phones) expect([...numbers], name).toHaveLength(1);
  });

  it('hands each hazard to its village’s 包村干部 or its sector’s 分管领导, as site.yaml names them', () => {
    const cadre = new Map(site.villages.map((v) => [v.name, v.cadre?.name]));
    const leader = new Map(site.sectors.map((s) => [s.name, s.leader?.name]));
    for (const h of hazards) {
      if (h.assignedTo.kind === '包村干部') expect(h.assignedTo.name, h.id).toBe(cadre.get(h.village));
      if (h.assignedTo.kind === '分管同志') expect(h.assignedTo.name, h.id).toBe(leader.get(h.sector));
    }
  });

  it('hands hazards only to stations that regulate, never to the health centre (a medical institution)', () => {
    const stations = hazards.filter((h) => h.assignedTo.kind === '站所').map((h) => h.assignedTo.name);
    expect(stations.length).toBeGreaterThan(0);
    for (const name of stations) expect(name).not.toMatch(/卫生院|医院|诊所/);
  });

  it('files 粮油浸出 and 氨制冷 plants under 冶金工贸 (工贸行业), not 食品安全', () => {
    const plants = hazards.filter((h) => /浸出|氨制冷/.test(h.title));
    expect(plants.length).toBeGreaterThanOrEqual(2);
    for (const h of plants) expect(h.sector, h.id).toBe('冶金工贸');
  });

  it('pastes no sentence of a description, result or plan from one hazard into another', () => {
    const seen = new Map<string, string>();
    const repeated: string[] = [];
    const latest = new Map(hazards.map((h) => [h.id, h]));
    for (const h of latest.values()) {
      const texts = [h.title, h.description, h.result ?? '', h.plan.measures ?? '', h.plan.emergencyPlan ?? ''];
      const own = new Set(
        texts
          .flatMap((t) => t.split(/[。；\n]/).map((s) => s.replace(/^[-\s]+/, '').trim()))
          .filter((s) => s.length >= 12),
      );
      for (const sentence of own) {
        const other = seen.get(sentence);
        if (other && other !== h.id) repeated.push(`${other} / ${h.id}: ${sentence}`);
        seen.set(sentence, h.id);
      }
    }
    expect(repeated).toEqual([]);
  });

  it('has villages report no 约谈通报 of townships and departments (that is the county’s and the township’s)', () => {
    for (const table of tables) {
      for (const row of table.table.rows)
        expect(row.enforcement.interviews, `${table.table.month} ${row.village}`).toBe(0);
    }
  });
});
