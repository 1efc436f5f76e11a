import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { findJpegMetadata } from '../../../src/lib/tip-handling/photo-metadata';

const plain = () => sharp({ create: { width: 16, height: 16, channels: 3, background: '#c00' } }).jpeg();

/** Inserts a COM (comment) segment right after SOI. */
function withComment(jpeg: Uint8Array, text: string): Uint8Array {
  const body = new TextEncoder().encode(text);
  const segment = new Uint8Array([0xff, 0xfe, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body]);
  return new Uint8Array([...jpeg.subarray(0, 2), ...segment, ...jpeg.subarray(2)]);
}

describe('findJpegMetadata', () => {
  it('finds nothing in a JPEG with pixels only', async () => {
    expect(findJpegMetadata(new Uint8Array(await plain().toBuffer()))).toEqual([]);
  });

  it('finds EXIF with a GPS position, XMP and ICC', async () => {
    const bytes = await plain()
      .withExif({
        IFD0: { Make: 'PhoneMaker', Model: 'X1' },
        IFD3: {
          GPSLatitudeRef: 'N',
          GPSLatitude: '37/1 26/1 0/1',
          GPSLongitudeRef: 'E',
          GPSLongitude: '112/1 1/1 0/1',
        },
      })
      .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"></x:xmpmeta>')
      .withIccProfile('srgb')
      .toBuffer();
    const found = findJpegMetadata(new Uint8Array(bytes));
    expect(found).toEqual(expect.arrayContaining(['EXIF', 'GPS', 'XMP', 'ICC']));
  });

  it('tells EXIF without GPS from EXIF with it', async () => {
    const bytes = await plain()
      .withExif({ IFD0: { Make: 'PhoneMaker' } })
      .toBuffer();
    expect(findJpegMetadata(new Uint8Array(bytes))).toEqual(['EXIF']);
  });

  it('finds a comment segment', async () => {
    const bytes = withComment(new Uint8Array(await plain().toBuffer()), 'taken by Zhang San');
    expect(findJpegMetadata(bytes)).toEqual(['COM']);
  });

  it('reads nothing from bytes that are not a JPEG', () => {
    expect(findJpegMetadata(new TextEncoder().encode('not a jpeg'))).toEqual([]);
  });
});
