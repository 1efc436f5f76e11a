import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { jpegMarkers, stripJpegMetadata } from '../../../src/lib/tips/jpeg';

const fixture = new Uint8Array(readFileSync('tests/fixtures/photo-with-gps.jpg'));

describe('stripJpegMetadata', () => {
  it('removes EXIF (GPS, camera), ICC and comments, and the image still decodes the same', async () => {
    const withEverything = new Uint8Array(
      await sharp(fixture).withIccProfile('srgb').withExifMerge({}).jpeg({ quality: 80 }).toBuffer(),
    );
    expect(jpegMarkers(withEverything)).toEqual(expect.arrayContaining([0xe1, 0xe2]));
    const stripped = stripJpegMetadata(withEverything)!;
    expect(jpegMarkers(stripped).filter((m) => (m > 0xe0 && m <= 0xef) || m === 0xfe)).toEqual([]);
    expect(Buffer.from(stripped).includes(Buffer.from('InformantPhone'))).toBe(false);
    const [a, b] = await Promise.all([withEverything, stripped].map((j) => sharp(j).raw().toBuffer()));
    expect(b!.equals(a!)).toBe(true);
  });

  it('refuses what is not a JPEG or is cut short', () => {
    expect(stripJpegMetadata(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBeUndefined();
    expect(stripJpegMetadata(fixture.subarray(0, 40))).toBeUndefined();
  });
});
