import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import {
  ALICE,
  createOntology,
  define,
  model,
  port,
  query,
  ship,
  signedIn,
  type ModelView,
} from './support/ontology-model-api';

test.describe.configure({ timeout: 180_000 });

async function screenshot(page: Page, name: string): Promise<void> {
  const path = join(test.info().outputDir, name);
  await page.screenshot({ path, fullPage: true });
  await test.info().attach(name, { path, contentType: 'image/png' });
}

/** A model as the page itself reads it (the browser's tRPC call), reduced to what an export carries: definitions by kind and apiName. */
async function definitionsSeenBy(
  page: Page,
  ontologyId: string,
): Promise<Record<string, Record<string, unknown>>> {
  const view = await page.evaluate(async (id) => {
    const input = encodeURIComponent(JSON.stringify({ json: { ontologyId: id, branch: 'main' } }));
    const res = await fetch(`/api/trpc/model.entities.model?input=${input}`);
    return ((await res.json()) as { result: { data: { json: unknown } } }).result.data.json;
  }, ontologyId);
  const entities = (view as ModelView).entities;
  return Object.fromEntries(
    Object.entries(entities).map(([kind, list]) => [
      kind,
      Object.fromEntries(list.map((e) => [e.definition.apiName, e.definition])),
    ]),
  );
}

test('an ontology exported as JSON-LD imports into a new ontology as the same model, and a broken file changes nothing', async ({
  browser,
}) => {
  const alice = await signedIn(browser, ALICE);
  const api = alice.context.request;
  const source = await createOntology(api, 'export');
  await define(api, source, 'main', 'objectType', ship());
  await define(api, source, 'main', 'objectType', port());
  await define(api, source, 'main', 'linkType', {
    apiName: 'callsAt',
    sourceObjectType: 'Ship',
    targetObjectType: 'Port',
    cardinality: 'many-to-many',
    forward: { apiName: 'ports', displayName: 'Ports', translations: { ko: { displayName: '기항지' } } },
    reverse: { apiName: 'ships', displayName: 'Ships', translations: { ko: { displayName: '기항 선박' } } },
  });

  // Export JSON-LD: previewed, then downloaded.
  const page = alice.page;
  await page.goto(`/ontology/${source}/import-export`);
  await page.getByLabel('Export format').selectOption('jsonld');
  const preview = page.getByLabel('JSON-LD preview');
  await expect(preview).toContainText('"@context"');
  await expect(preview).toContainText('callsAt');
  await screenshot(page, 'export-jsonld.png');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download .jsonld' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${source}-main.jsonld`);
  const jsonld = await readFile((await download.path())!, 'utf8');
  expect(jsonld).toBe(await preview.textContent());

  // A new ontology; first a broken document: every problem listed with where it is, and nothing imported.
  const target = await createOntology(api, 'import');
  await page.goto(`/ontology/${target}/import-export`);
  const form = page.getByRole('form', { name: 'Import a file' });
  const json = (
    await query<{ content: string }>(api, 'model.interchange.export', {
      ontologyId: source,
      branch: 'main',
      format: 'json',
    })
  ).content;
  const broken = json.replace('"dataType": "string"', '"dataType": "strnig"');
  expect(broken).not.toBe(json);
  await form
    .getByLabel('File', { exact: true })
    .setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
  await expect(form.getByLabel('Format', { exact: true })).toHaveValue('json');
  await form.getByRole('button', { name: 'Import into main' }).click();
  await expect(form.getByText('Nothing was imported')).toBeVisible();
  const issues = form.getByRole('table', { name: 'Import issues' });
  await expect(issues.getByRole('row').filter({ hasText: 'dataType' }).first()).toBeVisible();
  await screenshot(page, 'import-issues.png');
  expect(Object.values((await model(api, target)).entities).flat()).toHaveLength(0);

  // Then the JSON-LD export, replacing the (empty) new ontology.
  await form.getByLabel('File', { exact: true }).setInputFiles({
    name: `${source}-main.jsonld`,
    mimeType: 'application/ld+json',
    buffer: Buffer.from(jsonld),
  });
  await expect(form.getByLabel('Format', { exact: true })).toHaveValue('jsonld');
  await form.getByRole('radio', { name: /^replace/i }).check();
  await form.getByRole('button', { name: 'Import into main' }).click();
  await expect(form.getByText('Imported 3 changes')).toBeVisible();
  await expect(form.getByText('an import is all or nothing')).toBeVisible();
  await screenshot(page, 'import-done.png');

  // The two models are the same, as the page reads them.
  const exported = await definitionsSeenBy(page, source);
  const imported = await definitionsSeenBy(page, target);
  expect(Object.keys(imported.objectType!).sort()).toEqual(['Port', 'Ship']);
  expect(imported).toEqual(exported);

  // Importing the same file again changes nothing.
  await form.getByRole('button', { name: 'Import into main' }).click();
  await expect(form.getByText('Nothing to change')).toBeVisible();
  await alice.context.close();
});
