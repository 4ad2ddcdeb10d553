/**
 * The object-type page's benchmark (not a test: nothing here passes or fails). Imports a generated ontology of
 * 500 object types × 20 properties and 1,000 link types over the REST API, then in headless Chromium times:
 * a full load of the object-type page (navigation until the properties table shows all 20 rows), switching
 * to its History tab, and typing into a property's display name (key press until the input shows it).
 * Run it with `pnpm bench:ontology-page`, which starts the workbench.
 */
import { loadavg } from 'node:os';
import { chromium, type Page } from '@playwright/test';
import { generatedOntology } from '../../apps/workers/src/bench/ontology/generated-ontology';

const BASE_URL = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000';
const ROUNDS = 20;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const row = (what: string, ms: number[]) => `| ${what} | ${percentile(ms, 50).toFixed(0)} ms | ${percentile(ms, 95).toFixed(0)} ms |`;

async function main() {
  const load = loadavg()[0]!.toFixed(1);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const context = await browser.newContext({ baseURL: BASE_URL, viewport: { width: 1440, height: 900 } });
  const api = context.request;
  const signIn = await api.post('/api/dev/sign-in', { data: { actor: 'bench@spice.local', name: 'Page bench' } });
  if (!signIn.ok()) throw new Error(`sign-in at ${BASE_URL} answered ${signIn.status()}: is the workbench running?`);

  const ontologyId = `page-bench-${Date.now().toString(36)}`;
  await must(api.post('/api/v1/ontologies', { data: { ontologyId, displayName: 'Page bench' } }));
  const started = performance.now();
  await must(api.post(`/api/v1/ontologies/${ontologyId}/import`, { data: { format: 'json', content: generatedOntology(ontologyId, 500, 20, 1_000), mode: 'merge' } }));
  const importMs = performance.now() - started;
  const model = (await (await must(api.get(`/api/v1/ontologies/${ontologyId}/model?branch=main`))).json()) as { entities: { objectType: { id: string }[] } };
  const ids = model.entities.objectType.map((e) => e.id);

  const page = await context.newPage();
  const loads: number[] = [];
  const tabSwitches: number[] = [];
  const keystrokes: number[] = [];
  for (let i = 0; i < ROUNDS + 2; i++) {
    const id = ids[(i * 37) % ids.length]!;
    await page.goto(`/ontology/${ontologyId}/object-types/${id}`);
    const table = page.getByRole('table', { name: 'Properties' });
    await table.locator('tbody tr').nth(19).waitFor({ timeout: 60_000 });
    const loadedMs = await page.evaluate(() => performance.now());
    const tabMs = await timed(page, async () => {
      await page.getByRole('tab', { name: 'history' }).click();
      await page.getByRole('tabpanel', { name: 'History' }).getByText(/defined|updated/).first().waitFor();
    });
    await page.getByRole('tab', { name: 'definition' }).click();
    const input = page.getByLabel('Display name', { exact: true });
    await input.click();
    const keyMs = await timed(page, async () => {
      await page.keyboard.press('x');
      await page.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.value.endsWith('x'));
    });
    // The first two rounds warm the server's caches and the browser's; a user's first visit pays those once.
    if (i < 2) continue;
    loads.push(loadedMs);
    tabSwitches.push(tabMs);
    keystrokes.push(keyMs);
  }
  await browser.close();

  console.log(`\n### object-type page, 500 types × 20 properties + 1,000 links — ${new Date().toISOString().slice(0, 10)}, load ${load}\n`);
  console.log(`Import over REST: ${(importMs / 1000).toFixed(2)} s.\n`);
  console.log('| interaction | p50 | p95 |');
  console.log('|---|---|---|');
  console.log(row(`open an object-type page (navigation until 20 property rows show), ${ROUNDS} pages`, loads));
  console.log(row('switch to the History tab (click until the first version shows)', tabSwitches));
  console.log(row('type into a field (key press until the input shows it)', keystrokes));
}

async function timed(page: Page, run: () => Promise<void>): Promise<number> {
  const start = await page.evaluate(() => performance.now());
  await run();
  return (await page.evaluate(() => performance.now())) - start;
}

async function must<T extends { ok(): boolean; status(): number; text(): Promise<string> }>(response: Promise<T>): Promise<T> {
  const res = await response;
  if (!res.ok()) throw new Error(`${res.status()}: ${await res.text()}`);
  return res;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
