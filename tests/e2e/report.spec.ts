/**
 * The tip form in real Chromium against the built site served as `npm start` serves it:
 * real challenge, real proof of work in a Web Worker, real encryption, real function, real
 * local Blobs store — then the office side: decrypt the queued tip with the development key.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { isValidReceiptNumber } from '../../src/schemas/receipt';
import type { Site } from '../../src/schemas/site';
import { guardPage, jpegSegments, metadataSegments, queuedTipsWithReceipt } from './report-support';
import { expectAccessible } from '../support/axe';
import { budgetFor } from '../support/budget';
import { firstQueryBytes, formatFirstQueryBytes } from '../support/first-query-bytes';

const PHOTO = 'tests/fixtures/photo-with-gps.jpg';
const site = parse(readFileSync('content/site.yaml', 'utf8')) as Site;
async function fillTip(page: Page, what: string) {
  await page.getByLabel('发现了什么隐患').fill(what);
  await page.getByLabel('在哪个村').selectOption('东堡村');
  await page.getByLabel('具体位置').fill('东堡村北口加油站后院');
  await page.getByLabel('行业领域').selectOption('危险化学品');
  await page.getByLabel('发现日期').fill('2023-08-06');
}

/** The receipt as shown (groups of four), in canonical form. */
async function readReceipt(page: Page): Promise<string> {
  const shown = await page.locator('.receipt-number').innerText();
  expect(shown).toMatch(/^\d{4}( \d{4}){6}$/);
  return shown.replace(/\s/g, '');
}

test('the fixture photo really carries EXIF with GPS and the camera model', () => {
  const bytes = new Uint8Array(readFileSync(PHOTO));
  const exif = jpegSegments(bytes).find((s) => s.marker === 0xe1);
  expect(new TextDecoder('latin1').decode(exif!.data.subarray(0, 4))).toBe('Exif');
  // GPS IFD pointer tag 0x8825 (little-endian) and the model string.
  expect(Buffer.from(exif!.data).includes(Buffer.from([0x25, 0x88]))).toBe(true);
  expect(Buffer.from(bytes).includes(Buffer.from('InformantPhone'))).toBe(true);
});

test('a tip with a GPS-tagged photo arrives encrypted, readable only with the office key, without metadata', async ({
  page,
  context,
  baseURL,
}) => {
  budgetFor({ tips: 1 });
  const guard = await guardPage(page, new URL(baseURL!).origin);
  await page.goto('/report/');
  await expect(page.getByRole('heading', { level: 1, name: '举报隐患' })).toBeVisible();
  // The emergency notice comes before any form field.
  const emergency = page.locator('.emergency');
  await expect(emergency).toContainText('立即危险？');
  await expect(emergency).toContainText('119');
  await expect(emergency).toContainText('110');
  const [noticeTop, formTop] = await Promise.all([
    emergency.evaluate((e) => e.getBoundingClientRect().top),
    page.locator('form.tip-form').evaluate((e) => e.getBoundingClientRect().top),
  ]);
  expect(noticeTop).toBeLessThan(formTop);

  const what = `东堡村北口加油站后院违规存放十几桶汽油，旁边就是民房。e2e-${Date.now()}`;
  await fillTip(page, what);
  await page.getByLabel('照片').setInputFiles(PHOTO);
  await expect(page.locator('.photo-list li')).toHaveCount(1);
  await expect(page.locator('.photo-list li')).toContainText('1600 × 1200');
  await expect(page.getByRole('img', { name: '照片 1 预览' })).toBeVisible();

  // Contact stays out unless asked for, behind a warning.
  await expect(page.getByText('留下联系方式会削弱匿名性')).toBeVisible();
  await expect(page.getByLabel('电话或其他联系方式')).toHaveCount(0);

  await page.getByRole('button', { name: '加密并提交举报' }).click();
  await expect(page.getByRole('heading', { name: '举报已提交' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('heading', { name: '举报已提交' })).toBeFocused();
  const receipt = await readReceipt(page);
  expect(isValidReceiptNumber(receipt)).toBe(true);

  await page.getByRole('button', { name: '我已记下回执号' }).click();
  await expect(page.locator('.receipt-number')).toHaveCount(0);
  await expect(page.getByText('回执号已从页面上清除')).toBeVisible();

  // The office side: exactly one queued tip carries this receipt, and it decrypts.
  const queued = await queuedTipsWithReceipt(receipt);
  expect(queued).toHaveLength(1);
  const [{ tip, metadata, bytes }] = queued as [(typeof queued)[0]];
  expect(new TextDecoder().decode(bytes.subarray(0, 22))).toBe('age-encryption.org/v1\n');
  expect(Buffer.from(bytes).includes(Buffer.from(what.slice(0, 6)))).toBe(false);
  expect(tip).toMatchObject({
    what,
    village: '东堡村',
    place: '东堡村北口加油站后院',
    sector: '危险化学品',
    seen: '2023-08-06',
  });
  expect(tip.contact).toBeUndefined();
  expect(metadata).toMatchObject({ v: 1, size: bytes.length });
  expect(metadata!.received).toMatch(/^\d{4}-\d{2}-\d{2}$/);

  expect(tip.photos).toHaveLength(1);
  const photo = tip.photos[0]!;
  expect([photo.width, photo.height]).toEqual([1600, 1200]);
  const jpeg = Uint8Array.from(atob(photo.data), (c) => c.charCodeAt(0));
  expect(metadataSegments(jpeg)).toEqual([]);
  for (const marker of ['Exif', 'InformantPhone', 'MarkerCam', '2023:08:06']) {
    expect(Buffer.from(jpeg).includes(Buffer.from(marker)), marker).toBe(false);
  }

  expect(guard.offOrigin).toEqual([]);
  expect(await guard.violations()).toEqual([]);
  expect(await context.cookies()).toEqual([]);
});

test('field errors: summary focused, each error next to its field and announced', async ({ page }) => {
  await page.goto('/report/');
  await expectAccessible(page);
  await page.getByRole('button', { name: '加密并提交举报' }).click();
  const summary = page.getByRole('alert').filter({ hasText: '请先修改以下问题' });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText(['请写明发现了什么隐患', '请选择隐患所在的村']);

  const what = page.getByLabel('发现了什么隐患');
  await expect(what).toHaveAttribute('aria-invalid', 'true');
  await expect(what).toHaveAccessibleDescription(/请写明看到的情况.*请写明发现了什么隐患/);
  await expect(page.getByLabel('在哪个村')).toHaveAccessibleDescription(/请选择隐患所在的村/);
  await expectAccessible(page);

  // The summary links move to the field.
  await summary.getByRole('link', { name: '请选择隐患所在的村' }).click();
  await expect(page).toHaveURL(/#report-village$/);

  // Fixing a field and resubmitting clears its error; nothing was sent.
  await what.fill('有隐患');
  await page.getByRole('button', { name: '加密并提交举报' }).click();
  await expect(summary.getByRole('link')).toHaveText(['请选择隐患所在的村']);
  await expect(what).not.toHaveAttribute('aria-invalid', 'true');
});

test('a lost response is retried with the same submission: one tip, one receipt', async ({ page }) => {
  budgetFor({ tips: 2 });
  await page.goto('/report/');
  const what = `新庄村燃气调压箱被撞坏，箱门关不上。retry-${Date.now()}`;
  await page.getByLabel('发现了什么隐患').fill(what);
  await page.getByLabel('在哪个村').selectOption('新庄村');

  // First attempt: the server stores the tip, but the answer never reaches the phone.
  let posts = 0;
  await page.route('**/api/tips', async (route) => {
    posts++;
    if (posts === 1) {
      await route.fetch();
      await route.abort('connectionreset');
    } else {
      await route.continue();
    }
  });
  await page.getByRole('button', { name: '加密并提交举报' }).click();
  const failure = page.getByRole('alert').filter({ hasText: '举报没有提交成功' });
  await expect(failure).toBeVisible({ timeout: 60_000 });
  await expect(failure).toBeFocused();
  await expect(failure).toContainText('网络连接失败');
  await expectAccessible(page);

  await page.getByRole('button', { name: '重新提交' }).click();
  await expect(page.getByRole('heading', { name: '举报已提交' })).toBeVisible({ timeout: 60_000 });
  expect(posts).toBe(2);
  const receipt = await readReceipt(page);
  const queued = await queuedTipsWithReceipt(receipt);
  expect(queued).toHaveLength(1);
  expect(queued[0]!.tip.what).toBe(what);
});

test('asking to leave contact details shows the field; the value travels only inside the ciphertext', async ({
  page,
}) => {
  budgetFor({ tips: 1 });
  await page.goto('/report/');
  await page.getByLabel('发现了什么隐患').fill(`石门村养老院厨房液化气钢瓶没有报警器。contact-${Date.now()}`);
  await page.getByLabel('在哪个村').selectOption('石门村');
  await page.getByLabel('我愿意留下联系方式').check();
  await page.getByLabel('电话或其他联系方式').fill('13800000000');
  const bodies: string[] = [];
  page.on('request', (r) => bodies.push(r.postData() ?? ''));
  await page.getByRole('button', { name: '加密并提交举报' }).click();
  await expect(page.getByRole('heading', { name: '举报已提交' })).toBeVisible({ timeout: 60_000 });
  const receipt = await readReceipt(page);
  expect(bodies.join('\n')).not.toContain('13800000000');
  expect(bodies.join('\n')).not.toContain(receipt);
  const [queued] = await queuedTipsWithReceipt(receipt);
  expect(queued!.tip.contact).toBe('13800000000');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the page still says how to report, by phone and mailbox, and shows no form', async ({ page }) => {
    await page.goto('/report/');
    await expect(page.locator('.emergency')).toContainText('119');
    const ways = page.getByRole('region', { name: '也可以通过电话或邮箱举报' });
    await expect(ways).toContainText(site.office.phone);
    await expect(ways).toContainText(site.office.mailbox);
    await expect(ways.getByRole('link', { name: site.office.phone })).toHaveAttribute('href', /^tel:[\d+-]+$/);
    await expect(ways.getByRole('link', { name: site.office.mailbox })).toHaveAttribute('href', /^mailto:/);
    // The island's fallback stays on the page; a <noscript> says why (Chromium's no-JS emulation
    // does not render <noscript>, so its presence in the HTML is checked instead).
    await expect(page.getByText('如果一直没有出现，请改用上面的电话或邮箱举报')).toBeVisible();
    expect(await page.content()).toMatch(/<noscript>.*网上举报表单需要浏览器开启 JavaScript.*<\/noscript>/s);
    await expect(page.locator('form.tip-form')).toHaveCount(0);
    await expect(page.locator('textarea')).toHaveCount(0);
  });
});

/** The tip form's code for after the first tap: age, zod's tip schema and the proof of work. */
const LAZY_CHUNKS = [/\/envelope\.[\w-]+\.js/, /\/tip\.[\w-]+\.js/, /\/pow-client\.[\w-]+\.js/];

/** Resolves once a request whose path matches has finished (the page's or a worker's). */
const finishedRequest = (page: Page, path: RegExp) =>
  page.waitForEvent('requestfinished', { predicate: (r) => path.test(new URL(r.url()).pathname), timeout: 0 });

test('an old phone downloads the form first: at most 80 kB of gzipped JavaScript before the first tap, the encryption, proof of work and validation after it', async ({
  browser,
  baseURL,
}, testInfo) => {
  budgetFor({ pages: 2 });
  for (const path of ['/report/', '/receipt/']) {
    const report = await firstQueryBytes(`${baseURL}${path}`, {
      browser,
      ready: (page) => page.locator('astro-island:not([ssr])').first().waitFor(),
      interact: async (page) => {
        // On the tip form, wait for the chunks the first tap must fetch, not for a quiet network: on a busy
        // machine the import can start later than firstQueryBytes' half-second of idle.
        const loaded = path === '/report/' ? LAZY_CHUNKS.map((chunk) => finishedRequest(page, chunk)) : [];
        await page.locator('astro-island form').first().locator('textarea, input').first().focus();
        await Promise.all(loaded);
      },
    });
    const scripts = report.resources.filter((r) => new URL(r.url).pathname.endsWith('.js'));
    const before = scripts.filter((r) => !r.afterInteraction);
    const after = scripts.filter((r) => r.afterInteraction);
    const gzipped = before.reduce((sum, r) => sum + r.gzipped, 0);
    testInfo.annotations.push({ type: `${path} script bytes`, description: formatFirstQueryBytes(report) });
    expect(gzipped, path).toBeLessThanOrEqual(80 * 1024);
    // age, zod and the proof of work each leave a mark in the code that carries them.
    const loadedBefore = before.map((r) => r.url).join(' ');
    expect(loadedBefore, path).not.toMatch(/\/(envelope|tip|pow-client)\.[\w-]+\.js/);
    if (path === '/report/') {
      for (const chunk of LAZY_CHUNKS) expect(after.map((r) => new URL(r.url).pathname).join(' ')).toMatch(chunk);
    }
  }
});
