import { base64ToBytes } from '../../lib/bytes';
import { findJpegMetadata, METADATA_LABELS, type MetadataKind } from '../../lib/tip-handling/photo-metadata';

export interface CleanPhoto {
  bytes: Uint8Array;
  /** Metadata found in the photo as it came out of the tip (gone from `bytes`). */
  removed: MetadataKind[];
}

/**
 * Re-encodes a tip photo with sharp, which writes pixels only (no EXIF, GPS, XMP, ICC,
 * comments) unless asked to keep them; then checks the result again, so a photo is
 * never saved with metadata even if a library default changes.
 */
export async function cleanPhoto(base64: string): Promise<CleanPhoto> {
  const original = base64ToBytes(base64);
  if (!original) throw new Error('照片数据不是有效的 base64');
  const removed = findJpegMetadata(original);
  // Loaded when a photo is cleaned, so the commands without photos (the sweep and digest timers) run from
  // the bundled office tool without sharp's native module installed (scripts/build-server.mjs).
  const { default: sharp } = await import('sharp');
  // rotate(): apply the EXIF orientation to the pixels before the EXIF goes.
  const bytes = new Uint8Array(await sharp(original).rotate().jpeg({ quality: 90 }).toBuffer());
  const left = findJpegMetadata(bytes);
  if (left.length) throw new Error(`重新编码后仍有元数据：${left.join('、')}`);
  return { bytes, removed };
}

export const describeRemoved = (kinds: readonly MetadataKind[]): string =>
  kinds.map((k) => METADATA_LABELS[k]).join('、');
