/**
 * What a JPEG carries besides its pixels. The browser re-encodes photos before they are
 * encrypted, which drops all of this; the office checks again before a photo is saved,
 * because a tip sent by other means (an old form, a script) may not have been through it.
 */
export type MetadataKind = 'EXIF' | 'GPS' | 'XMP' | 'ICC' | 'IPTC' | 'COM' | 'APP';

export const METADATA_LABELS: Record<MetadataKind, string> = {
  EXIF: 'EXIF（拍摄设备、时间等）',
  GPS: 'GPS 位置',
  XMP: 'XMP 元数据',
  ICC: 'ICC 色彩配置（可能含设备信息）',
  IPTC: 'IPTC/Photoshop 信息',
  COM: '图片注释',
  APP: '其他应用数据段',
};

const ascii = (bytes: Uint8Array, start: number, length: number) =>
  String.fromCharCode(...bytes.subarray(start, start + length));

/** Whether an EXIF (TIFF) block's first directory points to a GPS directory (tag 0x8825). */
function exifHasGps(tiff: Uint8Array): boolean {
  if (tiff.length < 8) return false;
  const little = tiff[0] === 0x49 && tiff[1] === 0x49;
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  const u16 = (at: number) => view.getUint16(at, little);
  const ifd = view.getUint32(4, little);
  if (ifd + 2 > tiff.length) return false;
  const entries = u16(ifd);
  for (let i = 0; i < entries; i++) {
    const at = ifd + 2 + i * 12;
    if (at + 2 > tiff.length) return false;
    if (u16(at) === 0x8825) return true;
  }
  return false;
}

/** Every metadata segment of a JPEG, in file order (JFIF's APP0 header is not metadata). */
export function findJpegMetadata(bytes: Uint8Array): MetadataKind[] {
  const found: MetadataKind[] = [];
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return found;
  let at = 2;
  while (at + 4 <= bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1]!;
    if (marker === 0xd9 || marker === 0xda) break; // end of image, start of scan: no more headers
    if (marker === 0xff || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += marker === 0xff ? 1 : 2;
      continue;
    }
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    const body = at + 4;
    if (marker === 0xe1 && ascii(bytes, body, 6) === 'Exif\0\0') {
      found.push('EXIF');
      if (exifHasGps(bytes.subarray(body + 6, at + 2 + length))) found.push('GPS');
    } else if (marker === 0xe1 && ascii(bytes, body, 28).startsWith('http://ns.adobe.com/xap/1.0/')) found.push('XMP');
    else if (marker === 0xe2 && ascii(bytes, body, 12) === 'ICC_PROFILE\0') found.push('ICC');
    else if (marker === 0xed) found.push('IPTC');
    else if (marker === 0xfe) found.push('COM');
    else if (marker >= 0xe1 && marker <= 0xef) found.push('APP');
    at += 2 + length;
  }
  return found;
}
