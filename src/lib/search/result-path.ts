/**
 * A search result's link as a path on this site. Pagefind's worker resolves a merged shard's
 * results against the bundle's absolute URL (https://host/base/hazards/…), while shard 0 gives
 * paths (/base/hazards/…): both become the same path, so links look and compare alike. A URL of
 * another origin is left as it is (Pagefind never makes one; nothing is rewritten to point here).
 */
export function resultPath(url: string, pageUrl: string): string {
  const resolved = new URL(url, pageUrl);
  if (resolved.origin !== new URL(pageUrl).origin) return url;
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}
