/**
 * The receipt on phone screens (320, 360 and 412 px wide), after a real tip through the real form,
 * function and proof of work: all 28 digits inside the screen, the page not scrolling sideways, the
 * number copyable (with 复制, or by selecting what is shown) in a form /receipt/ accepts. The lookup
 * result shows the receipt the same way. A screenshot of each state is attached to the test report;
 * axe checks the states at 360 px. The photo field's button is checked here too: it is a phone's
 * tap target. (phone.spec.ts covers the pages as they load; this file, the tip line after each step.)
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page, type TestInfo } from '@playwright/test';
import { formatReceipt } from '../../src/lib/tips/receipt';
import { expectAccessible } from '../support/axe';
import { budgetFor } from '../support/budget';
import { expectReceiptOnScreen } from './report-support';

const WIDTHS = [320, 360, 412] as const;
const HEIGHT = 640;
const PHOTO = 'tests/fixtures/photo-with-gps.jpg';

const samples = (
  JSON.parse(readFileSync('tests/fixtures/sample-receipts.json', 'utf8')) as { receipts: { receipt: string }[] }
).receipts;

async function screenshot(testInfo: TestInfo, name: string, target: Locator): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await target.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

async function sendTip(page: Page, width: number): Promise<void> {
  await page.goto('/report/');
  await page.getByLabel('发现了什么隐患').fill(`东堡村砖厂粉尘很大，除尘设备一直没开。phone-${width}-${Date.now()}`);
  await page.getByLabel('在哪个村').selectOption('东堡村');
  await page.getByRole('button', { name: '加密并提交举报' }).click();
  await expect(page.getByRole('heading', { name: '举报已提交' })).toBeVisible({ timeout: 60_000 });
}

for (const width of WIDTHS) {
  test(`after a tip at ${width} px every digit of the receipt is on screen and it copies whole (screenshot attached)`, async ({
    browser,
  }, testInfo) => {
    budgetFor({ tips: 1, pages: 2 });
    const context = await browser.newContext({
      viewport: { width, height: HEIGHT },
      deviceScaleFactor: 2,
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    try {
      const page = await context.newPage();
      await sendTip(page, width);
      const number = page.locator('.tip-success .receipt-number');
      const shown = await expectReceiptOnScreen(page, number, width);
      await screenshot(testInfo, `receipt-${width}`, page.locator('.tip-success'));
      await expect(page.getByText('请现在就把回执号抄在纸上或拍照保存')).toBeVisible();
      if (width === 360) await expectAccessible(page, 'receipt shown at 360 px');

      // 复制: the whole number on the clipboard, announced.
      const copy = page.getByRole('button', { name: '复制' });
      await expect(copy).toHaveAccessibleDescription(shown);
      expect((await copy.boundingBox())!.height).toBeGreaterThanOrEqual(44);
      await copy.click();
      await expect(page.locator('.tip-success .receipt-copy [role="status"]')).toHaveText('已复制回执号');
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toBe(shown);

      // Selecting what is shown (as a finger or a mouse does) gives every digit, too.
      await number.selectText();
      const selected = await page.evaluate(() => window.getSelection()!.toString());
      expect(selected.replace(/\s/g, '')).toBe(shown.replace(/\s/g, ''));

      // Either one, pasted into the lookup, is accepted (the tip is not published yet: not found, no error).
      const lookup = await context.newPage();
      await lookup.goto('/receipt/');
      for (const pasted of [copied, selected]) {
        await lookup.getByLabel('回执号').fill(pasted);
        await lookup.getByRole('button', { name: '查询' }).click();
        await expect(lookup.locator('.receipt-result')).toContainText('暂时没有查到');
        await expect(lookup.getByLabel('回执号')).not.toHaveAttribute('aria-invalid', 'true');
      }
      // The lookup shows the receipt it looked for the same way.
      await expectReceiptOnScreen(lookup, lookup.locator('.receipt-result .receipt-number'), width);
      await screenshot(testInfo, `receipt-lookup-${width}`, lookup.locator('.receipt-result'));
      if (width === 360) await expectAccessible(lookup, 'receipt not found at 360 px');
    } finally {
      await context.close();
    }
  });
}

test('without the Clipboard API, 复制 selects the whole number and says to copy it by hand', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 320, height: HEIGHT } });
  try {
    const page = await context.newPage();
    await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }));
    await page.goto('/receipt/');
    const receipt = samples[0]!.receipt;
    await page.getByLabel('回执号').fill(receipt);
    await page.getByRole('button', { name: '查询' }).click();
    const number = page.locator('.receipt-result .receipt-number');
    await expect(number).toHaveText(formatReceipt(receipt));
    await page.getByRole('button', { name: '复制' }).click();
    await expect(page.locator('.receipt-result .receipt-copy [role="status"]')).toHaveText(
      '已选中回执号，请用手机或电脑的“复制”功能复制',
    );
    const selected = await page.evaluate(() => window.getSelection()!.toString());
    expect(selected.replace(/\s/g, '')).toBe(receipt);
  } finally {
    await context.close();
  }
});

test.describe('at 360 × 640', () => {
  test.use({ viewport: { width: 360, height: HEIGHT } });

  test('a found receipt: its number on screen, no sideways scrolling, axe clean (screenshot attached)', async ({
    page,
  }, testInfo) => {
    await page.goto('/receipt/');
    await page.getByLabel('回执号').fill(formatReceipt(samples[0]!.receipt));
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page.locator('.receipt-status')).toBeVisible();
    await expectReceiptOnScreen(page, page.locator('.receipt-result .receipt-number'), 360);
    await screenshot(testInfo, 'receipt-found-360', page.locator('.receipt-result'));
    await expectAccessible(page, 'receipt found at 360 px');
  });

  test('the photo button is a 44-px tap target that says how many photos are attached, on the keyboard too', async ({
    page,
  }, testInfo) => {
    await page.goto('/report/');
    const input = page.getByLabel('照片');
    const button = page.locator('label.photo-button');
    await expect(button).toHaveText('添加照片');
    expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await expect(input).toHaveAccessibleName('照片（选填） 添加照片');

    await input.setInputFiles(PHOTO);
    await expect(page.locator('.photo-list li')).toHaveCount(1);
    await expect(button).toHaveText('再添加照片（已添加 1 张）');
    await expect(input).toHaveAccessibleName(/已添加 1 张/);
    expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await screenshot(testInfo, 'photo-field-360', page.locator('.field:has(label.photo-button)'));

    // Reached with the keyboard (Shift+Tab from the photo's remove button), it opens the file chooser, its focus drawn on the button.
    await page.getByRole('button', { name: '删除照片 1' }).focus();
    await page.keyboard.press('Shift+Tab');
    await expect(input).toBeFocused();
    await expect(button).toHaveCSS('outline-style', 'solid');
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press('Space');
    await (await chooser).setFiles(PHOTO);
    await expect(page.locator('.photo-list li')).toHaveCount(2);
    await expect(button).toHaveText('再添加照片（已添加 2 张）');
    await expectAccessible(page, 'photos attached at 360 px');
  });
});
