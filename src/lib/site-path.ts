/**
 * The site's own URLs under its base path. The site can live at the root of a domain (`/`, the
 * default) or under a path, e.g. as a channel of a county portal: `SITE_BASE=/nanzhuang/yinhuan/
 * npm run build` sets Astro's `base`, and every link, fetch and asset URL the site makes goes
 * through `sitePath` so that it points inside that path.
 *
 * The base comes from Vite's `import.meta.env.BASE_URL` (Astro's `base`), which the build writes
 * into pages and browser code alike. Outside a Vite build (the office CLI under tsx, Node tests)
 * there is none and the base is `/`.
 */

/** `/x/y` or `x/y/` → `/x/y/`; empty → `/`. */
export function normalizeBase(base: string | undefined): string {
  const trimmed = (base ?? '').replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

function viteBase(): string | undefined {
  // `import.meta.env` exists only in code Vite builds (pages, islands, vitest).
  const env = (import.meta as { env?: { BASE_URL?: string } }).env;
  return env?.BASE_URL;
}

/** The base path, with slashes at both ends: `/` or `/nanzhuang/yinhuan/`. */
export const BASE_PATH: string = normalizeBase(viteBase());

/**
 * A root-relative site path (`/report/`, `/data/2023-07.csv`, `/api/tips`) as a URL path under
 * the base: `/nanzhuang/yinhuan/report/`. Fragments and queries pass through.
 */
export function sitePath(path: string, base: string = BASE_PATH): string {
  if (!path.startsWith('/')) throw new Error(`not a root-relative site path: ${path}`);
  return `${base}${path.slice(1)}`;
}

/** The inverse, for code that maps URLs back to built files: `/nanzhuang/yinhuan/report/` → `/report/`. */
export function withoutBase(urlPath: string, base: string = BASE_PATH): string | undefined {
  if (base === '/') return urlPath;
  if (urlPath === base.slice(0, -1)) return '/';
  return urlPath.startsWith(base) ? `/${urlPath.slice(base.length)}` : undefined;
}
