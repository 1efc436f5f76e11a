/**
 * Helpers for the tip-line browser tests: the served site's own local Blobs store (the one
 * `npm start` writes to), decryption with the development identity, JPEG metadata checks,
 * and guards that record off-origin requests and CSP violations.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getStore } from '@netlify/blobs';
import { BlobsServer } from '@netlify/blobs/server';
import { Decrypter } from 'age-encryption';
import { expect, type Locator, type Page } from '@playwright/test';
import { TIPS_STORE, parseTipMetadata, type TipMetadata } from '../../src/lib/tips/queue';
import { Tip } from '../../src/schemas/tip';

/** NetlifyDev keeps Blobs here, under site id "0" when the project is not linked to a site. */
const LOCAL_BLOBS = join(process.cwd(), '.netlify', 'blobs-serve');
const LOCAL_SITE_ID = '0';

export async function withLocalTips<T>(use: (tips: ReturnType<typeof getStore>) => Promise<T>): Promise<T> {
  const server = new BlobsServer({ directory: LOCAL_BLOBS });
  const { port } = await server.start();
  try {
    const url = `http://localhost:${port}`;
    const tips = getStore({
      name: TIPS_STORE,
      siteID: LOCAL_SITE_ID,
      token: 'local',
      edgeURL: url,
      uncachedEdgeURL: url,
    });
    return await use(tips);
  } finally {
    await server.stop();
  }
}

export interface QueuedTip {
  key: string;
  bytes: Uint8Array;
  metadata: TipMetadata | undefined;
  tip: Tip;
}

const identity = () =>
  readFileSync('tests/fixtures/development-identity.txt', 'utf8')
    .split('\n')
    .find((line) => line.startsWith('AGE-SECRET-KEY-'))!;

/** Every queued tip whose receipt is `receipt`, decrypted with the development identity. */
export async function queuedTipsWithReceipt(receipt: string): Promise<QueuedTip[]> {
  return withLocalTips(async (tips) => {
    const decrypter = new Decrypter();
    decrypter.addIdentity(identity());
    const found: QueuedTip[] = [];
    for (const { key } of (await tips.list()).blobs) {
      const entry = await tips.getWithMetadata(key, { type: 'arrayBuffer' });
      if (!entry) continue;
      const bytes = new Uint8Array(entry.data);
      // Follow-ups sent from the receipt page share the queue: only tips are returned here.
      const tip = Tip.safeParse(JSON.parse(await decrypter.decrypt(bytes, 'text')));
      if (tip.success && tip.data.receipt === receipt)
        found.push({ key, bytes, metadata: parseTipMetadata(entry.metadata), tip: tip.data });
    }
    return found;
  });
}

/** JPEG marker segments before the image data: APPn, COM, … */
export function jpegSegments(bytes: Uint8Array): { marker: number; data: Uint8Array }[] {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new Error('not a JPEG');
  const segments: { marker: number; data: Uint8Array }[] = [];
  let i = 2;
  while (i + 4 <= bytes.length && bytes[i] === 0xff) {
    const marker = bytes[i + 1]!;
    if (marker === 0xda) break; // start of scan: the pixels follow
    const length = (bytes[i + 2]! << 8) | bytes[i + 3]!;
    segments.push({ marker, data: bytes.subarray(i + 4, i + 2 + length) });
    i += 2 + length;
  }
  return segments;
}

/** What could identify a device or place: EXIF/XMP (APP1), ICC (APP2), IPTC (APP13), comments (COM). */
export function metadataSegments(bytes: Uint8Array): string[] {
  const names: Record<number, string> = {
    0xe1: 'APP1 (EXIF/XMP)',
    0xe2: 'APP2 (ICC)',
    0xed: 'APP13 (IPTC)',
    0xfe: 'COM',
  };
  return jpegSegments(bytes)
    .filter((s) => names[s.marker])
    .map((s) => names[s.marker]!);
}

/** Records requests to any other origin and CSP violations, from the first script on. */
export async function guardPage(page: Page, origin: string) {
  const offOrigin: string[] = [];
  const violations: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('blob:') || url.startsWith('data:')) return;
    if (new URL(url).origin !== origin) offOrigin.push(url);
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const w = window as unknown as { __csp?: string[] };
      (w.__csp ??= []).push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return {
    offOrigin,
    async violations() {
      const inPage = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
      return [...violations, ...inPage];
    },
  };
}

/** Each digit of the shown number whose box is not wholly inside the viewport, and how many digits there are. */
function digitsOutside(number: Locator) {
  return number.evaluate((el) => {
    const outside: string[] = [];
    let digits = 0;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (let i = 0; i < text.length; i++) {
        if (!/\d/.test(text[i]!)) continue;
        digits++;
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const box = range.getBoundingClientRect();
        const inside =
          box.width > 0 &&
          box.left >= 0 &&
          box.right <= window.innerWidth &&
          box.top >= 0 &&
          box.bottom <= window.innerHeight;
        if (!inside) outside.push(`digit ${digits} at ${Math.round(box.left)}–${Math.round(box.right)}`);
      }
    }
    return { digits, outside };
  });
}

/**
 * The shown receipt (`.receipt-number`) on a phone: groups of four, all 28 digits inside the viewport, the page
 * not scrolling sideways. Returns the text as shown.
 */
export async function expectReceiptOnScreen(page: Page, number: Locator, width: number): Promise<string> {
  await number.scrollIntoViewIfNeeded();
  const shown = await number.innerText();
  expect(shown, `${width} px`).toMatch(/^\d{4}( \d{4}){6}$/);
  const { digits, outside } = await digitsOutside(number);
  expect(digits).toBe(28);
  expect(outside, `${width} px`).toEqual([]);
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, `${width} px: document scrollWidth`).toBeLessThanOrEqual(width);
  return shown;
}
