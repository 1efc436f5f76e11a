/**
 * The site's HTTP response headers — security headers, the CSP, caching rules — in one place.
 * Everything that serves the site takes them from here:
 *
 *   - Netlify: the `[[headers]]` of netlify.toml, generated from this file;
 *   - nginx: the `add_header` lines of deploy/nginx.conf, generated from this file;
 *   - `npm run serve:production` (src/server/production.ts): reads this file at run time.
 *
 * `npm run deploy:kit` writes the generated files; tests/deploy/kit.test.ts fails when a committed
 * file differs from what this source produces (edit here, then run it).
 *
 * Rules follow Netlify's semantics: each rule's `for` is a path pattern (a trailing `*` matches
 * anything after it), and a response gets the headers of every rule that matches its path, later
 * rules overriding earlier ones for the same header. Paths are the site's own, without SITE_BASE.
 */

/**
 * Everything from this origin only; no inline script or style except the island runtime Astro
 * inlines on /report/ and /receipt/, allowed by hash. 'wasm-unsafe-eval' lets Pagefind compile its
 * WebAssembly (it allows no JavaScript eval). blob: images are the tip form's photo previews, made
 * on the device. tests/e2e/report-csp.spec.ts fails, naming the hashes, when a build's inline
 * scripts or styles are not all listed here (e.g. after an Astro upgrade).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval' 'sha256-eIXWvAmxkr251LJZkjniEK5LcPF3NkapbJepohwYRIc=' 'sha256-Ya0pUYrC7nM5Cn/056TyVuEiz6dFGrzmkWzgON0pF0U='",
  "style-src 'self' 'sha256-vv9IoKo7BSLbWcUHr3tNmfNVmm5L/9Cfn2H6LMk7/ow='",
  "img-src 'self' blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "media-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export interface HeaderRule {
  for: string;
  /** One or more lines said above the rule in the generated files. */
  comment?: string;
  values: Record<string, string>;
}

export const HEADER_RULES: readonly HeaderRule[] = [
  {
    for: '/*',
    comment: 'Security headers for every static file. Functions set their own (netlify/functions/_lib/http.ts).',
    values: {
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'Referrer-Policy': 'no-referrer',
      'Permissions-Policy':
        'accelerometer=(), autoplay=(), browsing-topics=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), hid=(), magnetometer=(), microphone=(), midi=(), payment=(), publickey-credentials-get=(), serial=(), usb=(), xr-spatial-tracking=()',
      'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Resource-Policy': 'same-origin',
    },
  },
  {
    for: '/report/*',
    comment: 'Nothing about a tip may linger in a cache: the form pages and every API answer.',
    values: { 'Cache-Control': 'no-store' },
  },
  { for: '/receipt/*', values: { 'Cache-Control': 'no-store' } },
  { for: '/api/*', values: { 'Cache-Control': 'no-store' } },
  {
    for: '/receipts.json',
    comment: 'Statuses change with each publication: always revalidate.',
    values: { 'Cache-Control': 'no-cache' },
  },
];

/** Whether a rule's pattern matches a site path (Netlify: a trailing `*` matches the rest, `/x/*` also `/x`). */
export function ruleMatches(pattern: string, path: string): boolean {
  if (!pattern.endsWith('*')) return pattern === path;
  const prefix = pattern.slice(0, -1);
  return path.startsWith(prefix) || (prefix.endsWith('/') && path === prefix.slice(0, -1));
}

/** The headers a response for this site path gets, merged over every matching rule. */
export function headersFor(path: string, rules: readonly HeaderRule[] = HEADER_RULES): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of rules) if (ruleMatches(rule.for, path)) Object.assign(out, rule.values);
  return out;
}

/** Path patterns of the API: responses there are the functions' own, plus the rules naming these paths. */
export const API_PREFIX = '/api/';
