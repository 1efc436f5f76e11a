import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { mailtoHref, telHref } from '../../../src/lib/tips/contact';
import { developmentRecipientWarning, tipRecipientKeys } from '../../../src/lib/tips/recipients';
import { Site } from '../../../src/schemas/site';

const site = Site.parse(parse(readFileSync('content/site.yaml', 'utf8')));

describe('tip recipients', () => {
  it('warns loudly while a development recipient is listed, and not otherwise', () => {
    expect(developmentRecipientWarning(site)).toContain('开发用公钥');
    const office = { ...site, tipRecipients: site.tipRecipients.map((r) => ({ ...r, development: false })) };
    expect(developmentRecipientWarning(office)).toBeUndefined();
    expect(tipRecipientKeys(site)).toEqual(site.tipRecipients.map((r) => r.recipient));
  });
});

describe('office contact links', () => {
  it('turn the site file’s phone and mailbox into tel: and mailto: links', () => {
    expect(telHref('0358-0000000（示例）')).toBe('tel:0358-0000000');
    expect(telHref('电话待定')).toBeUndefined();
    expect(mailtoHref('nzaqjb@example.org（示例）')).toBe('mailto:nzaqjb@example.org');
    expect(mailtoHref('无')).toBeUndefined();
  });
});
