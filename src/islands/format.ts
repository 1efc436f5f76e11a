import { t, type TipLineKey } from '../i18n/tip-line';
import { fill } from '../lib/format/fill';

/** `t()` with `{name}` placeholders filled in. */
export function tf(key: TipLineKey, values: Record<string, string | number>): string {
  return fill(t(key), values);
}

/** 1.2 MB / 350 KB */
export function formatBytes(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1000))} KB`;
}
