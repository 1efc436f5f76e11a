import { DIALLABLE } from '../../schemas/common';

/** `0358-0000000（示例）` → `0358-0000000` for a tel: link; undefined when there is no number. */
export function telHref(phone: string): string | undefined {
  const number = DIALLABLE.exec(phone)?.[0];
  return number ? `tel:${number}` : undefined;
}

/** `nzaqjb@example.org（示例）` → `mailto:nzaqjb@example.org`. */
export function mailtoHref(mailbox: string): string | undefined {
  const address = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/.exec(mailbox)?.[0];
  return address ? `mailto:${address}` : undefined;
}
