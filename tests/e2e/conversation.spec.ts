/**
 * The whole conversation in real Chromium against the real function and local Blobs: a tip from
 * the form → its receipt → the office replies with the real CLI → the site is rebuilt from that
 * content → the informant reads the reply with the receipt → sends a follow-up with a GPS-tagged
 * photo → the office sees it threaded under the tip, decrypted, the photo without metadata. A
 * wrong receipt reads nothing.
 *
 * The rebuild is a project copy's own build over a content copy: this checkout's dist/ and
 * content/ are left alone. The copy's scripts/serve.mjs serves it on a free port, with the same
 * functions and — its .netlify/blobs-serve linked to this checkout's — the same local Blobs store as the
 * test server, so the follow-up lands in the queue the tip is in.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { astroBuild } from '../../scripts/bench/build';
import { projectCopy, remove } from '../../scripts/bench/projects';
import { formatReceipt, generateReceipt } from '../../src/lib/tips/receipt';
import { spawnOffice, workspace, type Workspace } from '../cli/support/office';
import { expectAccessible } from '../support/axe';
import { extendTimeout } from '../support/budget';
import { expectReceiptOnScreen, guardPage, metadataSegments, queuedTipsWithReceipt } from './report-support';

const PHOTO = 'tests/fixtures/photo-with-gps.jpg';
const IDENTITY = 'tests/fixtures/development-identity.txt';
const QUESTION = '请问加油站后院的汽油桶大概有多少个？白天还是晚上看到的？';
const ANSWER = `大约十五桶，白天就能看到，门口照片附上。e2e-${Date.now()}`;

let ws: Workspace;
let project: string | undefined;
let rebuilt: ChildProcess | undefined;

test.afterAll(() => {
  rebuilt?.kill('SIGTERM');
  if (project) remove(project);
  ws?.remove();
});

/** A project copy's scripts/serve.mjs over its own dist/, on a free port: resolves with its address. */
function serve(root: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/serve.mjs'], {
      cwd: root,
      env: { ...process.env, PORT: '0' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    rebuilt = child;
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /http:\/\/[\d.]+:\d+\//.exec(out)?.[0];
      if (url) resolve(url);
    });
    child.on('exit', (code) => reject(new Error(`serve.mjs exited (${code}): ${out}`)));
  });
}

async function lookUp(page: Page, receipt: string) {
  await page.getByLabel('回执号').fill(formatReceipt(receipt));
  await page.getByRole('button', { name: '查询' }).click();
}

test('submit → receipt → office reply → rebuild → the informant reads it and follows up → the office sees it threaded', async ({
  page,
  context,
  baseURL,
}, testInfo) => {
  test.setTimeout(600_000);
  ws = workspace();

  // 1. The tip, through the form on the test server.
  await page.goto('/report/');
  await page.getByLabel('发现了什么隐患').fill(`东堡村北口加油站后院违规存放汽油桶。e2e-${Date.now()}`);
  await page.getByLabel('在哪个村').selectOption('东堡村');
  await page.getByRole('button', { name: '加密并提交举报' }).click();
  await expect(page.getByRole('heading', { name: '举报已提交' })).toBeVisible({ timeout: 90_000 });
  const receipt = (await page.locator('.receipt-number').innerText()).replace(/\s/g, '');
  const [queued] = await queuedTipsWithReceipt(receipt);
  expect(queued).toBeDefined();

  // 2. The office replies with the real command line, into a copy of the content.
  const env = { ...ws.env };
  const reply = await spawnOffice(['tips', 'reply', queued!.key, '--identity', IDENTITY, '--message', QUESTION], env);
  expect(reply.status, reply.output).toBe(0);
  const yaml = readFileSync(join(ws.content, 'receipts.yaml'), 'utf8');
  expect(yaml).toContain('-----BEGIN AGE ENCRYPTED FILE-----');
  expect(yaml).not.toContain(QUESTION.slice(0, 6));

  // 3. The rebuild (Astro only: the receipt page and /receipts.json), served with the same functions and Blobs.
  extendTimeout(300_000);
  project = projectCopy();
  const build = await astroBuild(project, join(project, 'dist'), { CONTENT_DIR: ws.content });
  expect(build.code, build.tail).toBe(0);
  mkdirSync(join(project, '.netlify'));
  symlinkSync(resolve('.netlify/blobs-serve'), join(project, '.netlify/blobs-serve'));
  const site = await serve(project);
  const guard = await guardPage(page, new URL(site).origin);

  // 4. A wrong receipt reads nothing; the right one reads the question — on a 360-px phone screen.
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto(new URL('/receipt/', site).href);
  await lookUp(page, generateReceipt());
  await expect(page.locator('.receipt-result')).toContainText('暂时没有查到');
  await expect(page.locator('.conversation')).toHaveCount(0);
  await lookUp(page, receipt);
  const conversation = page.locator('.conversation');
  await expect(conversation.locator('.message-office')).toContainText(QUESTION, { timeout: 30_000 });
  await expectAccessible(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  expect(await expectReceiptOnScreen(page, page.locator('.receipt-result .receipt-number'), 360)).toBe(
    formatReceipt(receipt),
  );
  const shot = testInfo.outputPath('conversation-open-360.png');
  await page.screenshot({ path: shot, fullPage: true });
  await testInfo.attach('conversation open at 360 px', { path: shot, contentType: 'image/png' });

  // 5. An empty follow-up is refused on the device, the reason tied to the field (read with it).
  await page.getByRole('button', { name: '加密并发送补充材料' }).click();
  const answer = page.getByLabel('补充的情况');
  await expect(answer).toHaveAttribute('aria-invalid', 'true');
  await expect(answer).toHaveAccessibleDescription(/请写明要补充的情况/);
  await expectAccessible(page);

  // The follow-up, with a GPS-tagged photo, through the same protocol as a tip.
  await answer.fill(ANSWER);
  await page.getByLabel('照片').setInputFiles(PHOTO);
  await expect(page.locator('.photo-list li')).toHaveCount(1);
  await page.getByRole('button', { name: '加密并发送补充材料' }).click();
  await expect(page.getByText('补充材料已发送')).toBeVisible({ timeout: 90_000 });
  await expectAccessible(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  expect(guard.offOrigin).toEqual([]);
  expect(await guard.violations()).toEqual([]);
  expect(await context.cookies()).toEqual([]);
  expect(baseURL).toBeDefined();

  // 6. The office: threaded under the tip, decrypted, the photo without metadata.
  const list = await spawnOffice(['tips', 'list', '--identity', IDENTITY], env);
  expect(list.status, list.output).toBe(0);
  const lines = list.stdout.split('\n');
  const at = lines.findIndex((line) => line.startsWith(queued!.key));
  expect(lines[at + 1]).toContain('└ 补充材料');
  const photos = mkdtempSync(join(tmpdir(), 'nz-convo-photos-'));
  try {
    const show = await spawnOffice(['tips', 'show', queued!.key, '--identity', IDENTITY, '--photos', photos], env);
    expect(show.status, show.output).toBe(0);
    expect(show.stdout).toContain(ANSWER);
    expect(show.stdout).toContain('未发现元数据');
    const saved = readdirSync(photos);
    expect(saved).toHaveLength(1);
    const jpeg = new Uint8Array(readFileSync(join(photos, saved[0]!)));
    expect(metadataSegments(jpeg)).toEqual([]);
    for (const marker of ['Exif', 'InformantPhone', 'MarkerCam'])
      expect(Buffer.from(jpeg).includes(Buffer.from(marker)), marker).toBe(false);
  } finally {
    rmSync(photos, { recursive: true, force: true });
  }

  // 7. The office records the answer: the informant's follow-up joins the thread, the question is answered.
  const answered = await spawnOffice(['tips', 'reply', queued!.key, '--identity', IDENTITY, '--answered'], env);
  expect(answered.status, answered.output).toBe(0);
  expect(answered.stdout).toContain('举报人补充材料 1 条');
});
