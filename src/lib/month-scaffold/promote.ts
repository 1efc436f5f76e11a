import { isMap, isSeq, parseDocument, type YAMLMap } from 'yaml';
import type { Tip } from '../../schemas/tip';
import { cutoffOf } from './months';
import { placeholder } from './placeholders';

const ID = /^([A-Z]{2,6})-(\d{4})-(\d{4,6})$/;

/**
 * The next free hazard number (逐项编号) for a hazard first listed in `month`: the
 * township's prefix, the year, and one more than the highest number used that year in
 * any month's list. Numbers are never reused, so closed hazards count too.
 */
export function nextHazardId(usedIds: readonly string[], month: string): string {
  const year = month.slice(0, 4);
  const parsed = usedIds.flatMap((id) => {
    const m = ID.exec(id);
    return m ? [{ prefix: m[1]!, year: m[2]!, seq: m[3]! }] : [];
  });
  const counts = new Map<string, number>();
  for (const p of parsed) counts.set(p.prefix, (counts.get(p.prefix) ?? 0) + 1);
  const prefix = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'NZ';
  const sameYear = parsed.filter((p) => p.prefix === prefix && p.year === year);
  const width = Math.max(4, ...sameYear.map((p) => p.seq.length));
  const next = Math.max(0, ...sameYear.map((p) => Number(p.seq))) + 1;
  return `${prefix}-${year}-${String(next).padStart(width, '0')}`;
}

/** Every hazard number in a hazard-list file's text (read raw: the file may not validate yet). */
export function hazardIdsIn(text: string): string[] {
  const hazards = (parseDocument(text).toJS() as { hazards?: unknown } | null)?.hazards;
  if (!Array.isArray(hazards)) return [];
  return hazards.flatMap((h: { id?: unknown } | null) => (typeof h?.id === 'string' ? [h.id] : []));
}

/** Hazards already made from the tip with this lookup key, in a list file's text. */
export function hazardsFromTip(text: string, tipKey: string): string[] {
  const hazards = (parseDocument(text).toJS() as { hazards?: unknown } | null)?.hazards;
  if (!Array.isArray(hazards)) return [];
  return hazards.flatMap((h: { id?: unknown; tipKey?: unknown } | null) =>
    h?.tipKey === tipKey && typeof h.id === 'string' ? [h.id] : [],
  );
}

/** Whether a hazard number is in any month's list (the texts of every hazard-list file). */
export const isListed = (id: string, listTexts: readonly string[]): boolean =>
  listTexts.some((text) => hazardIdsIn(text).includes(id));

export interface PromotionRequest {
  /** The month whose list the hazard joins. */
  month: string;
  tip: Tip;
  /** The tip's receipt lookup key. */
  tipKey: string;
  /** Day the tip was received. */
  received: string;
  villages: readonly string[];
  /** The text of every hazard-list file, that month's included: numbers are never reused. */
  listTexts: readonly string[];
  /** The text of that month's hazard-list file. */
  monthText: string;
}

type Promotion =
  { ok: true; id: string; hazard: Record<string, unknown>; listText: string } | { ok: false; problem: string };

/**
 * A tip becomes a hazard of `month`'s list: only if it was seen by that month's cutoff (else it
 * belongs to a later month) and no list has a hazard from it yet; it takes the next free
 * number. The result is the list file's new text; nothing is written here.
 */
export function planPromotion(request: PromotionRequest): Promotion {
  const { month, tip, tipKey, received, villages, listTexts } = request;
  const found = tip.seen ?? received;
  if (found > cutoffOf(month)) {
    return {
      ok: false,
      problem: `该举报的发现日期 ${found} 晚于 ${month} 的截至日期 ${cutoffOf(month)}，请列入下一个月的清单。`,
    };
  }
  const already = listTexts.flatMap((text) => hazardsFromTip(text, tipKey));
  if (already.length) return { ok: false, problem: `这条举报已列入隐患清单：${[...new Set(already)].join('、')}` };
  const id = nextHazardId(listTexts.flatMap(hazardIdsIn), month);
  const hazard = hazardFromTip({ id, tip, tipKey, received, villages });
  return { ok: true, id, hazard, listText: appendHazard(request.monthText, hazard) };
}

export interface PromoteInput {
  id: string;
  tip: Tip;
  /** The tip's receipt lookup key: links the hazard to what the informant sees on /receipt/. */
  tipKey: string;
  /** Day the tip was received (used as the found date when the informant gave none). */
  received: string;
  villages: readonly string[];
}

/**
 * A new hazard from a tip. What the tip says about the hazard's place fills what it can;
 * everything only the office can decide gets a 【待填写】 placeholder. The informant's own
 * words are never copied into the content file: it is committed (and so kept in history)
 * before anyone has rewritten it, and wording and details can identify who wrote them.
 */
export function hazardFromTip({ id, tip, tipKey, received, villages }: PromoteInput): Record<string, unknown> {
  return {
    id,
    title: placeholder('隐患名称（简要概括，不照抄举报原文）'),
    unit: tip.unit ?? placeholder('单位/场所名称'),
    village: villages.includes(tip.village) ? tip.village : placeholder(`所在村（举报人填写：${tip.village}）`),
    sector: tip.sector ?? placeholder('行业领域'),
    source: '群众举报',
    found: tip.seen ?? received,
    description: placeholder(
      '隐患描述：核实后用办公室的话写（tips show 可查看举报原文；不要照抄，删去可能暴露举报人的细节）',
    ),
    mode: placeholder('立即整改 或 限期整改（限期整改须补填 plan 五落实）'),
    assignedTo: {
      kind: placeholder('包村干部、分管同志 或 站所'),
      name: placeholder('交办对象'),
    },
    status: '整改中',
    progress: [],
    tipKey,
  };
}

/** Appends a hazard to a hazard-list file's text, keeping the rest of the file as it is. */
export function appendHazard(text: string, hazard: Record<string, unknown>): string {
  const doc = parseDocument(text);
  const existing = doc.get('hazards', true);
  if (!isSeq(existing)) doc.set('hazards', doc.createNode([]));
  const seq = doc.get('hazards', true);
  if (!isSeq(seq)) throw new Error('hazards is not a list');
  if (seq.flow) seq.flow = false;
  const node = doc.createNode(hazard) as YAMLMap;
  const assigned: unknown = node.get('assignedTo', true);
  if (isMap(assigned)) assigned.flow = true;
  node.commentBefore = ' 由举报列入（来源：群众举报）。请填写所有【待填写】处，然后运行 npm run office -- month check';
  seq.items.push(node);
  return doc.toString({ lineWidth: 0 });
}
