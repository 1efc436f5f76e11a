/**
 * Looks for an instant's time of day in stored bytes, in the encodings a careless store would use:
 * Unix seconds or milliseconds in decimal or hex, 32-bit integers and whole float64 milliseconds in
 * either byte order, clock times (`13:47`, `13时47分`) in UTC and China time, and any of these
 * inside base64. Every second of `window` around the instant counts (an expiry 15 minutes later
 * gives the time away as surely as the instant itself).
 *
 * The random payload of an age file is left out: it is ciphertext, and four random bytes would
 * now and then spell a timestamp by chance.
 */
export interface TimeWindow {
  from: number; // Unix seconds, inclusive
  to: number;
}

export function windowAround(instant: Date, beforeSeconds: number, afterSeconds: number): TimeWindow {
  const t = Math.floor(instant.getTime() / 1000);
  return { from: t - beforeSeconds, to: t + afterSeconds };
}

const inWindow = (seconds: number, w: TimeWindow) => seconds >= w.from && seconds <= w.to;

function clockTimes(w: TimeWindow): Set<string> {
  const times = new Set<string>();
  for (let s = w.from - (w.from % 60); s <= w.to; s += 60) {
    for (const offsetHours of [0, 8]) {
      const d = new Date((s + offsetHours * 3600) * 1000);
      const hh = String(d.getUTCHours()).padStart(2, '0');
      const mm = String(d.getUTCMinutes()).padStart(2, '0');
      times.add(`${hh}:${mm}`);
      times.add(`${hh}时${mm}分`);
      times.add(`${Number(hh)}时${Number(mm)}分`);
    }
  }
  return times;
}

/** Bytes before the payload of an age v1 file (the text header up to its MAC line); other bytes whole. */
export function withoutAgePayload(bytes: Uint8Array): Uint8Array {
  const text = Buffer.from(bytes).toString('latin1');
  if (!text.startsWith('age-encryption.org/v1\n')) return bytes;
  const mac = text.indexOf('\n--- ');
  const end = mac < 0 ? -1 : text.indexOf('\n', mac + 1);
  return end < 0 ? bytes : bytes.subarray(0, end + 1);
}

function textHits(text: string, w: TimeWindow, clocks: Set<string>, where: string): string[] {
  const hits: string[] = [];
  for (const run of text.match(/\d{10,}/g) ?? []) {
    for (let i = 0; i + 10 <= run.length; i++) {
      if (inWindow(Number(run.slice(i, i + 10)), w)) hits.push(`${where}: decimal Unix time ${run}`);
    }
  }
  for (const run of text.match(/[0-9a-fA-F]{8,}/g) ?? []) {
    for (let i = 0; i + 8 <= run.length; i++) {
      if (inWindow(parseInt(run.slice(i, i + 8), 16), w)) hits.push(`${where}: hex Unix time in ${run}`);
    }
  }
  for (const clock of clocks) if (text.includes(clock)) hits.push(`${where}: clock time ${clock}`);
  return hits;
}

function binaryHits(bytes: Uint8Array, w: TimeWindow, where: string): string[] {
  const hits: string[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i + 4 <= bytes.length; i++) {
    for (const little of [false, true]) {
      if (inWindow(view.getUint32(i, little), w)) hits.push(`${where}: 32-bit Unix time at byte ${i}`);
      if (i + 8 <= bytes.length) {
        const ms = view.getFloat64(i, little);
        if (Number.isInteger(ms) && inWindow(Math.floor(ms / 1000), w)) hits.push(`${where}: float64 ms at byte ${i}`);
      }
    }
  }
  return hits;
}

/** Every place the window's time of day shows in these bytes; empty when none. */
export function findTimeOfDay(bytes: Uint8Array, w: TimeWindow, where: string): string[] {
  const scanned = withoutAgePayload(bytes);
  const text = Buffer.from(scanned).toString('latin1');
  const utf8 = Buffer.from(scanned).toString('utf8');
  const clocks = clockTimes(w);
  const hits = [
    ...textHits(text, w, clocks, where),
    ...textHits(utf8, w, clocks, where),
    ...binaryHits(scanned, w, where),
  ];
  for (const run of text.match(/[A-Za-z0-9+/_-]{12,}={0,2}/g) ?? []) {
    const decoded = Buffer.from(run.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    hits.push(...textHits(decoded.toString('latin1'), w, clocks, `${where} (base64)`));
  }
  return hits;
}
