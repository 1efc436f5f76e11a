/**
 * The tip line's limits and fixed values, apart from the zod schemas in tip.ts that use them:
 * the report form needs these to draw itself, and loads zod only once the informant submits.
 */
export const TIP_LIMITS = {
  what: 4000,
  place: 200,
  unit: 200,
  contact: 200,
  photos: 3,
  /** Bytes of one re-encoded JPEG. Three of them, base64 inside the JSON, base64 again in the envelope, stay under the body cap. */
  photoBytes: 900_000,
  /** Longest side of a re-encoded photo, in pixels. */
  photoSide: 1600,
} as const;

/** Choice for 所在村 when the informant does not know or it is elsewhere. */
export const VILLAGE_UNKNOWN = '不清楚';

/** The envelope's format version (see TipEnvelope in tip.ts). */
export const ENVELOPE_VERSION = 1;
/** Request body cap in bytes, under Netlify's 6 MB function request limit. */
export const MAX_ENVELOPE_BYTES = 5 * 1024 * 1024;
