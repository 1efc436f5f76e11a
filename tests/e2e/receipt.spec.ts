/**
 * Receipt lookup in real Chromium: the receipt is hashed on the device and compared with the
 * built /receipts.json (from content/receipts.yaml); it never leaves the page.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { formatReceipt, generateReceipt } from '../../src/lib/tips/receipt';
import { guardPage } from './report-support';
import { expectAccessible } from '../support/axe';

interface SampleReceipt {
  receipt: string;
  status: string;
  hazard?: string;
}
const samples = (
  JSON.parse(readFileSync('tests/fixtures/sample-receipts.json', 'utf8')) as { receipts: SampleReceipt[] }
).receipts;
const listed = samples.find((s) => s.hazard)!;
async function lookUp(page: Page, typed: string) {
  await page.getByLabel('回执号').fill(typed);
  await page.getByRole('button', { name: '查询' }).click();
}

test('a known receipt shows its status, note and a working link to the hazard; the receipt is never sent', async ({
  page,
  context,
  baseURL,
}) => {
  const guard = await guardPage(page, new URL(baseURL!).origin);
  const sent: string[] = [];
  page.on('request', (r) => sent.push(`${r.url()} ${r.postData() ?? ''}`));
  await page.goto('/receipt/');
  await expectAccessible(page);

  await lookUp(page, formatReceipt(listed.receipt));
  const result = page.locator('.receipt-result');
  await expect(result).toBeFocused();
  await expect(result).toContainText(listed.status);
  await expect(result).toContainText('经现场核实');
  await expect(result).toContainText('2023-08-06');
  await expectAccessible(page);

  expect(sent.some((s) => s.includes('/receipts.json'))).toBe(true);
  for (const s of sent) {
    expect(s).not.toContain(listed.receipt);
    expect(s).not.toContain(listed.receipt.slice(0, 8));
  }
  expect(guard.offOrigin).toEqual([]);
  expect(await guard.violations()).toEqual([]);
  expect(await context.cookies()).toEqual([]);

  await result.getByRole('link', { name: `查看隐患 ${listed.hazard} 的整改情况` }).click();
  await expect(page).toHaveURL(new RegExp(`/hazards/${listed.hazard}/$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(listed.hazard!);
});

test('every sample status is found, whatever way the receipt is typed', async ({ page }) => {
  await page.goto('/receipt/');
  for (const [i, sample] of samples.entries()) {
    // Plain digits, groups with hyphens, or full-width digits from a Chinese input method.
    const typed = [
      sample.receipt,
      formatReceipt(sample.receipt, '-'),
      formatReceipt(sample.receipt).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))),
    ][i % 3]!;
    await lookUp(page, typed);
    await expect(page.locator('.receipt-status dd').first()).toContainText(sample.status);
  }
});

test('mistyped and unknown receipts get clear, announced messages', async ({ page }) => {
  await page.goto('/receipt/');
  const input = page.getByLabel('回执号');

  await lookUp(page, listed.receipt.slice(0, 24));
  await expect(page.getByRole('alert')).toContainText('回执号应为 28 位数字，您输入了 24 位');
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await expect(input).toBeFocused();
  await expectAccessible(page);

  // Two neighbouring digits swapped: the check digit catches it.
  const r = listed.receipt;
  const at = [...r].findIndex((d, i) => i + 1 < r.length && d !== r[i + 1]);
  await lookUp(page, r.slice(0, at) + r[at + 1] + r[at] + r.slice(at + 2));
  await expect(page.getByRole('alert')).toContainText('校验不通过');

  await lookUp(page, generateReceipt());
  await expect(input).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('.receipt-result')).toContainText('暂时没有查到这个回执号的处理记录');
  await expectAccessible(page);
});
