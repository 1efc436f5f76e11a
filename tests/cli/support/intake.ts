/**
 * What an informant's phone sends, for the office command tests: a submission through the real
 * challenge and tips handlers (into whatever Netlify Blobs the test set up), and a photo as a
 * phone writes it.
 */
import sharp from 'sharp';
import { expect } from 'vitest';
import challengeHandler from '../../../netlify/functions/challenge.mts';
import tipsHandler from '../../../netlify/functions/tips.mts';
import { bytesToBase64 } from '../../../src/lib/bytes';
import { findJpegMetadata } from '../../../src/lib/tip-handling/photo-metadata';
import { buildEnvelope, newSubmissionId } from '../../../src/lib/tips/envelope';
import { solveTipChallenge, type IssuedChallenge } from '../../../src/lib/tips/pow';

/** One submission through the real challenge and tips handlers; its submission id. */
export async function submitCiphertext(ciphertext: Uint8Array): Promise<string> {
  const issued = (await (
    await challengeHandler(new Request('http://localhost/api/tips/challenge'))
  ).json()) as IssuedChallenge;
  const solution = await solveTipChallenge(issued.challenge);
  const submissionId = newSubmissionId();
  const envelope = buildEnvelope({ submissionId, ciphertext, challenge: issued.challenge, solution: solution! });
  const res = await tipsHandler(
    new Request('http://localhost/api/tips', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(envelope),
    }),
  );
  expect(res.status).toBe(201);
  return submissionId;
}

/** A JPEG as a phone writes it, base64: camera make and model, and where it was taken. */
export async function phonePhoto(width: number, height: number, background: string): Promise<string> {
  const jpeg = await sharp({ create: { width, height, channels: 3, background } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'Informant Phone' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '37/1 26/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '112/1 1/1 0/1' },
    })
    .toBuffer();
  expect(findJpegMetadata(new Uint8Array(jpeg))).toContain('GPS');
  return bytesToBase64(new Uint8Array(jpeg));
}
