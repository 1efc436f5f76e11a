import type { Config } from '@netlify/functions';
import { errorResponse } from './_lib/http';

/** Where Netlify's rate limiter sends requests over the limit: 429 with a Chinese message the form shows. */
export default (): Response => errorResponse('rate_limited', { 'retry-after': '60' });

export const config: Config = { path: '/api/tips/limited' };
