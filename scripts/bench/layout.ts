/**
 * Layout time of a page on a second visit (its stylesheets cached), as Chromium's own trace
 * reports it, on Lighthouse's mobile viewport with the CPU slowed 4×. With `deferred: false` the
 * stylesheets are served with `content-visibility` switched off, so the same build shows what the
 * page costs when every block is laid out at once.
 */
import type { Browser } from '@playwright/test';
import { median } from './measure';

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
}

async function layoutOnce(browser: Browser, origin: string, path: string, deferred: boolean): Promise<number> {
  const context = await browser.newContext({
    viewport: { width: 412, height: 823 },
    deviceScaleFactor: 1.75,
    isMobile: true,
  });
  try {
    const page = await context.newPage();
    if (!deferred)
      await page.route('**/*.css', async (route) => {
        const response = await route.fetch();
        const css = (await response.text()).replaceAll('content-visibility:auto', 'content-visibility:visible');
        await route.fulfill({ response, body: css });
      });
    await page.goto(`${origin}/disclosures/`); // the first visit, which caches the stylesheets
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
    await cdp.send('Tracing.start', { categories: 'devtools.timeline', transferMode: 'ReportEvents' });
    await page.goto(`${origin}${path}`, { waitUntil: 'load' });
    await page.waitForTimeout(1000);
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    const microseconds = events
      .filter((e) => e.name === 'Layout' && e.ph === 'X')
      .reduce((sum, e) => sum + (e.dur ?? 0), 0);
    return microseconds / 1000;
  } finally {
    await context.close();
  }
}

/** Median layout milliseconds of `runs` loads of `path`, alternating with and without deferral. */
export async function layoutTime(
  browser: Browser,
  origin: string,
  path: string,
  runs: number,
): Promise<{ deferred: number; allAtOnce: number }> {
  const deferred: number[] = [];
  const allAtOnce: number[] = [];
  for (let i = 0; i < runs; i++) {
    deferred.push(await layoutOnce(browser, origin, path, true));
    allAtOnce.push(await layoutOnce(browser, origin, path, false));
  }
  return { deferred: median(deferred), allAtOnce: median(allAtOnce) };
}
