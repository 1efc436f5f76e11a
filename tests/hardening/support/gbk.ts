/**
 * Encodes text as GBK, the encoding Chinese Windows tools ("ANSI") save in by default.
 * Node can decode GBK but not encode it, so the table is built by decoding every code.
 */
let table: Map<string, number[]> | undefined;

function gbkTable(): Map<string, number[]> {
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder('gbk');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (char.length === 1 && char !== '\ufffd' && !table.has(char)) table.set(char, [lead, trail]);
    }
  }
  return table;
}

export function encodeGbk(text: string): Buffer {
  const codes = gbkTable();
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else bytes.push(...(codes.get(char) ?? [0x3f]));
  }
  return Buffer.from(bytes);
}
