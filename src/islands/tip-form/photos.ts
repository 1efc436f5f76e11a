import { bytesToBase64 } from '../../lib/bytes';
import { stripJpegMetadata } from '../../lib/tips/jpeg';
import type { TipPhoto } from '../../schemas/tip';
import { TIP_LIMITS } from '../../schemas/tip-limits';

/**
 * Photos leave the device only as new JPEGs drawn from pixels on a canvas: EXIF (GPS,
 * device, time), XMP and comments stay behind with the original file; the profile the
 * encoder itself adds is stripped too (lib/tips/jpeg.ts).
 * Downscaled to TIP_LIMITS.photoSide and recompressed until under TIP_LIMITS.photoBytes.
 */
export interface PreparedPhoto {
  photo: TipPhoto;
  bytes: number;
  /** Object URL of the re-encoded JPEG, for the preview; revoke when removed. */
  previewUrl: string;
}

/** The steps tried, in order, until the JPEG fits: [longest side, quality]. */
const ATTEMPTS: [number, number][] = [
  [TIP_LIMITS.photoSide, 0.8],
  [TIP_LIMITS.photoSide, 0.65],
  [1280, 0.65],
  [1024, 0.6],
  [800, 0.6],
];

async function decode(
  file: File,
): Promise<{ source: CanvasImageSource; width: number; height: number; close(): void }> {
  if (typeof createImageBitmap === 'function') {
    try {
      const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
      return { source: bitmap, width: bitmap.width, height: bitmap.height, close: () => bitmap.close() };
    } catch {
      // Older engines reject the options bag; fall back to an <img>.
    }
  }
  const url = URL.createObjectURL(file);
  const img = new Image();
  img.src = url;
  try {
    await img.decode();
  } catch (error) {
    URL.revokeObjectURL(url);
    throw error;
  }
  return { source: img, width: img.naturalWidth, height: img.naturalHeight, close: () => URL.revokeObjectURL(url) };
}

function toJpeg(canvas: HTMLCanvasElement, quality: number): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('encode failed'))), 'image/jpeg', quality),
  );
}

export class PhotoTooLarge extends Error {}

export async function preparePhoto(file: File): Promise<PreparedPhoto> {
  const image = await decode(file);
  try {
    for (const [side, quality] of ATTEMPTS) {
      const scale = Math.min(1, side / Math.max(image.width, image.height));
      const width = Math.max(1, Math.round(image.width * scale));
      const height = Math.max(1, Math.round(image.height * scale));
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no canvas');
      // JPEG has no transparency: a white background instead of black.
      context.fillStyle = '#fff';
      context.fillRect(0, 0, width, height);
      context.drawImage(image.source, 0, 0, width, height);
      const encoded = await toJpeg(canvas, quality);
      const jpeg = stripJpegMetadata(new Uint8Array(await encoded.arrayBuffer()));
      if (!jpeg) throw new Error('encoder gave no JPEG');
      if (jpeg.length > TIP_LIMITS.photoBytes) continue;
      return {
        photo: { type: 'image/jpeg', width, height, data: bytesToBase64(jpeg) },
        bytes: jpeg.length,
        previewUrl: URL.createObjectURL(new Blob([jpeg as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' })),
      };
    }
    throw new PhotoTooLarge();
  } finally {
    image.close();
  }
}
