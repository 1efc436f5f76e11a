/**
 * Drops every metadata segment from a JPEG: APP1–APP15 (EXIF, XMP, ICC profiles, IPTC,
 * maker data) and comments. Kept: the JFIF header (APP0) and what decodes the pixels.
 * Browsers' canvas encoders add an sRGB ICC profile; it identifies nothing, but a tip
 * photo carries nothing it does not need. Returns undefined for anything not a JPEG.
 */
const SOI = 0xd8;
const SOS = 0xda;
const APP0 = 0xe0;
const COM = 0xfe;

const isMetadata = (marker: number) => (marker > APP0 && marker <= 0xef) || marker === COM;

export function stripJpegMetadata(bytes: Uint8Array): Uint8Array | undefined {
  if (bytes[0] !== 0xff || bytes[1] !== SOI) return undefined;
  const kept: Uint8Array[] = [bytes.subarray(0, 2)];
  let i = 2;
  for (;;) {
    if (i + 4 > bytes.length || bytes[i] !== 0xff) return undefined;
    const marker = bytes[i + 1]!;
    if (marker === SOS) {
      kept.push(bytes.subarray(i)); // scan data and everything after it
      break;
    }
    const end = i + 2 + ((bytes[i + 2]! << 8) | bytes[i + 3]!);
    if (end > bytes.length) return undefined;
    if (!isMetadata(marker)) kept.push(bytes.subarray(i, end));
    i = end;
  }
  const out = new Uint8Array(kept.reduce((n, part) => n + part.length, 0));
  let offset = 0;
  for (const part of kept) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** The marker bytes of the segments before the scan, e.g. [0xe0, 0xdb, 0xc0, 0xc4]. */
export function jpegMarkers(bytes: Uint8Array): number[] {
  const markers: number[] = [];
  let i = 2;
  while (i + 4 <= bytes.length && bytes[i] === 0xff && bytes[i + 1] !== SOS) {
    markers.push(bytes[i + 1]!);
    i += 2 + ((bytes[i + 2]! << 8) | bytes[i + 3]!);
  }
  return markers;
}
