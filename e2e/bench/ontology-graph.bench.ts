/**
 * The ontology graph's benchmark (not a test: nothing here passes or fails). For each size it opens the graph
 * bench page in headless Chromium and reports the layout time, the time until the graph is on screen, and
 * the frame rate while the mouse pans and zooms, once over the whole graph and once zoomed in on a type.
 * It also saves screenshots to look at. Run it with `pnpm bench:ontology-graph`, which starts the workbench.
 *
 *   E2E_BASE_URL   the running workbench (default http://127.0.0.1:3000)
 *   GRAPH_SIZES    types:links pairs, comma-separated (default 12:16,100:200,500:1000)
 *   GRAPH_TRACE=1  also records a Chrome trace of each pan/zoom (trace-<types>-<view>.json beside the
 *                  screenshots) and prints where its CPU time went; tracing costs frames, so the frame
 *                  rates of such a run are not comparable
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import { traceCpu } from './chrome-trace';

interface BenchWindow {
  __graphBench?: { types: number; links: number; nodes: number; edges: number; layoutMs: number; renderMs: number; readyAt: number };
  __frames?: number[];
  __counting?: boolean;
}

interface FrameStats {
  fps: number;
  /** The longest time between two frames, which is what a user sees as a stutter. */
  worstFrameMs: number;
  p95FrameMs: number;
}

const BASE_URL = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000';
const SIZES = (process.env.GRAPH_SIZES ?? '12:16,100:200,500:1000').split(',').map((pair) => {
  const [types, links] = pair.split(':').map(Number);
  if (!Number.isInteger(types) || !Number.isInteger(links)) throw new Error(`GRAPH_SIZES: "${pair}" is not types:links`);
  return { types: types!, links: links! };
});
const OUT_DIR = fileURLToPath(new URL('../artifacts/ontology-graph/', import.meta.url));
const MEASURE_MS = 3000;
const TRACE = process.env.GRAPH_TRACE === '1';
// The generated ontology's first type, a hub of the shipping domain (see bench-ontology.ts).
const HUB = 'Vessel';

async function main() {
  mkdirSync(OUT_DIR, { recursive: true });
  const loadAtStart = loadavg()[0]!;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    // The same flags as the Playwright journeys (e2e/playwright.config.ts).
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const context = await browser.newContext({ baseURL: BASE_URL, viewport: { width: 1440, height: 900 } });
  const signIn = await context.request.post('/api/dev/sign-in', { data: { actor: 'bench@spice.local', name: 'Graph bench' } });
  if (!signIn.ok()) throw new Error(`sign-in at ${BASE_URL} answered ${signIn.status()}: is the workbench running?`);

  const rows = [];
  for (const size of SIZES) {
    const page = await context.newPage();
    await page.goto(`/dev/bench/ontology-graph?types=${size.types}&links=${size.links}`);
    await page.waitForFunction(() => (window as BenchWindow).__graphBench !== undefined, null, { timeout: 300_000 });
    const timing = (await page.evaluate(() => (window as BenchWindow).__graphBench))!;
    await settle(page);
    await page.screenshot({ path: join(OUT_DIR, `graph-${size.types}-overview.png`) });
    const idle = await frameStats(page, async () => void (await page.waitForTimeout(1000)));
    const overview = await frameStats(page, () => panAndZoom(page, browser, `${size.types}-overview`));

    // Find the hub with the search box, which selects it, zooms to it and lights up its neighbours.
    await page.keyboard.press('/');
    await page.keyboard.type(HUB);
    await page.keyboard.press('Enter');
    await settle(page);
    await page.screenshot({ path: join(OUT_DIR, `graph-${size.types}-selected.png`) });
    const zoomedIn = await frameStats(page, () => panAndZoom(page, browser, `${size.types}-zoomed-in`));
    await page.close();

    const row = { ...size, layoutMs: timing.layoutMs, renderMs: timing.renderMs, readyAt: timing.readyAt, idle, overview, zoomedIn };
    rows.push(row);
    console.log(JSON.stringify(row));
  }
  const chromiumVersion = browser.version();
  await browser.close();

  const result = { date: new Date().toISOString().slice(0, 10), loadAtStart, chromium: chromiumVersion, rows };
  writeFileSync(join(OUT_DIR, 'results.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nChromium ${chromiumVersion} (headless, software rendering), load average ${loadAtStart.toFixed(1)} at start\n`);
  console.log('| types | links | layout | layout to painted | navigation to painted | pan/zoom, whole graph: fps, p95 / worst frame | pan/zoom, zoomed in: fps, p95 / worst frame | idle fps |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    const frames = (f: FrameStats) => `${f.fps.toFixed(0)}, ${ms(f.p95FrameMs)} / ${ms(f.worstFrameMs)}`;
    console.log(
      `| ${r.types} | ${r.links} | ${ms(r.layoutMs)} | ${ms(r.renderMs)} | ${ms(r.readyAt)} | ${frames(r.overview)} | ${frames(r.zoomedIn)} | ${r.idle.fps.toFixed(0)} |`,
    );
  }
  console.log(`\nScreenshots and results.json in ${OUT_DIR}`);
}

/** Waits out the zoom animations (350 ms) and one more frame. */
async function settle(page: Page) {
  await page.waitForTimeout(600);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

// A string, not a function: tsx compiles named functions with a `__name` helper that the page does not have.
const START_FRAME_COUNTER = `(() => {
  window.__frames = [];
  window.__counting = true;
  const tick = (t) => {
    if (!window.__counting) return;
    window.__frames.push(t);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;

/** Counts requestAnimationFrame callbacks while `act` runs: a busy main thread shows up as fewer frames. */
async function frameStats(page: Page, act: () => Promise<void>): Promise<FrameStats> {
  await page.evaluate(START_FRAME_COUNTER);
  await act();
  const frames = await page.evaluate(() => {
    const w = window as BenchWindow;
    w.__counting = false;
    return w.__frames!;
  });
  const gaps = frames.slice(1).map((t, i) => t - frames[i]!);
  const sorted = [...gaps].sort((a, b) => a - b);
  const span = (frames[frames.length - 1]! - frames[0]!) / 1000;
  return { fps: gaps.length / span, worstFrameMs: sorted[sorted.length - 1] ?? 0, p95FrameMs: sorted[Math.floor(sorted.length * 0.95)] ?? 0 };
}

/** Drags the canvas around a square and zooms in and out with the wheel for MEASURE_MS, ending where it began. */
async function panAndZoom(page: Page, browser: Browser, name: string) {
  if (!TRACE) return drive(page);
  const cpu = await traceCpu(browser, page, join(OUT_DIR, `trace-${name}.json`), () => drive(page));
  console.log(`CPU ${name} (thread ms): ${Object.entries(cpu).map(([figure, value]) => `${figure.replace(/Ms$/, '')} ${Math.round(value)}`).join(', ')}`);
}

async function drive(page: Page) {
  const box = (await page.locator('.og-root').boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const moves = [
    [240, 0],
    [0, 160],
    [-240, 0],
    [0, -160],
  ] as const;
  const until = Date.now() + MEASURE_MS;
  for (let i = 0; Date.now() < until; i++) {
    const [dx, dy] = moves[i % moves.length]!;
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    await page.mouse.move(cx + dx, cy + dy, { steps: 12 });
    await page.mouse.up();
    await page.mouse.wheel(0, i % 2 === 0 ? -120 : 120);
  }
}

function ms(n: number): string {
  return n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${Math.round(n)} ms`;
}

await main();
