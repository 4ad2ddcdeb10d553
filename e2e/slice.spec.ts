import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { ONTOLOGY_ID, randomWord } from './support/ontology-api';
import { signIn } from './support/sign-in';
import { addProperty, editForm, openTab, saveWithCtrlS } from './support/workbench';

const README_SCREENSHOT = fileURLToPath(new URL('../docs/screenshot-ontology.png', import.meta.url));

function objectTypeRows(page: Page, apiName: string): Locator {
  return page.getByRole('table', { name: 'Object types' }).getByRole('row').filter({ has: page.getByRole('cell', { name: apiName, exact: true }) });
}

async function openNewObjectTypeForm(page: Page, via: 'shortcut' | 'button'): Promise<Locator> {
  if (via === 'shortcut') await page.keyboard.press('n');
  else await page.getByRole('button', { name: /New object type/ }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New object type' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('an object type defined in one tab appears live in another, is searchable, and refuses a duplicate', async ({ context }) => {
  const word = randomWord(8);
  const apiName = `Vessel${word[0]!.toUpperCase()}${word.slice(1)}`;
  const displayName = `Harbour vessel ${word}`;
  await signIn(context.request);

  // Page A watches the list; a marker on window proves it is never reloaded.
  const pageA = await context.newPage();
  await pageA.goto(`/ontology/${ONTOLOGY_ID}`);
  await expect(pageA.getByRole('table', { name: 'Object types' })).toBeVisible();
  await expect(pageA.getByText('Live', { exact: true })).toBeVisible();
  await expect(objectTypeRows(pageA, apiName)).toHaveCount(0);
  await pageA.evaluate(() => Object.assign(window, { __sameDocument: true }));

  // Page B defines the object type through the form, opened with the `n` shortcut and submitted with Enter.
  const pageB = await context.newPage();
  await pageB.goto(`/ontology/${ONTOLOGY_ID}`);
  // "Live" shows once the page is hydrated and subscribed, so the keyboard shortcut is wired by then.
  await expect(pageB.getByText('Live', { exact: true })).toBeVisible();
  const form = await openNewObjectTypeForm(pageB, 'shortcut');
  await form.getByLabel('API name', { exact: true }).fill(apiName);
  await form.getByLabel('Display name', { exact: true }).fill(displayName);
  await form.getByLabel('Description').fill('A ship that calls at our ports');
  await form.getByLabel('Primary key property').fill('vesselId');
  await form.getByLabel('Display name', { exact: true }).press('Enter');
  await expect(form).toBeHidden();
  await expect(pageB.getByText(`Object type ${apiName} defined`)).toBeVisible();

  // It opens on its page, where two more properties are added inline and saved with Ctrl+S.
  const editor = editForm(pageB, apiName);
  await expect(editor).toBeVisible();
  await addProperty(pageB, apiName, { apiName: 'builtOn', displayName: 'Built on', type: 'date' });
  await addProperty(pageB, apiName, { apiName: 'lengthMeters', displayName: 'Length (m)', type: 'double' });
  await saveWithCtrlS(pageB, `object type ${apiName}`);

  // Page A shows it without a reload, pushed by the live subscription.
  const rowA = objectTypeRows(pageA, apiName);
  await expect(rowA).toHaveCount(1);
  await expect(rowA.getByRole('cell')).toHaveText([apiName, displayName, '3', 'vesselId', 'experimental', '0', 'e2e@spice.local', /UTC$/]);
  expect(await pageA.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);

  // Search finds it by a word of its display name, and only it.
  await pageA.getByRole('searchbox', { name: 'Search object types' }).fill(word);
  await expect(pageA.getByText(/^1 of \d+ shown$/)).toBeVisible();
  await expect(pageA.getByRole('table', { name: 'Object types' }).getByRole('row')).toHaveCount(2); // header + the match
  await expect(rowA).toHaveCount(1);

  // Defining the same apiName again is refused at the field, and nothing is added.
  await openTab(pageB, 'Object types');
  const again = await openNewObjectTypeForm(pageB, 'button');
  await again.getByLabel('API name', { exact: true }).fill(apiName);
  await again.getByLabel('Display name', { exact: true }).fill(`${displayName} again`);
  await again.getByRole('button', { name: 'Create object type' }).click();
  await expect(again.getByText(`object type "${apiName}" already exists in this ontology`)).toBeVisible();
  await expect(again.getByLabel('API name', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await pageB.keyboard.press('Escape');
  await expect(again).toBeHidden();
  // The top bar's search lands on the list, filtered.
  await pageB.goto(`/ontology?q=${word}`);
  await expect(objectTypeRows(pageB, apiName)).toHaveCount(1);
  await expect(objectTypeRows(pageA, apiName)).toHaveCount(1);

  // The new type's page: the screenshot for the test report and the README.
  await pageA.getByRole('searchbox', { name: 'Search object types' }).fill('');
  await expect(pageA.getByText(/^\d+ object types$/)).toBeVisible();
  await rowA.click();
  await expect(editForm(pageA, apiName)).toBeVisible();
  await pageA.screenshot({ path: join(test.info().project.outputDir, 'ontology-list.png') });
  mkdirSync(dirname(README_SCREENSHOT), { recursive: true });
  await pageA.screenshot({ path: README_SCREENSHOT });
});

test('the health page and endpoint report all six components up', async ({ page, request }) => {
  const res = await request.get('/api/health');
  const body = (await res.json()) as { status: string; components: { component: string; adapter: string; mode: string; up: boolean }[] };
  expect(res.status(), JSON.stringify(body)).toBe(200);
  expect(body.status).toBe('ok');
  expect(body.components).toHaveLength(6);
  // Which stack this run targets decides every component's mode: a real-stack run must not fall back. The
  // dataset engine is DuckDB in the process on both stacks (single-file work; Spark runs pipelines).
  const mode = process.env.E2E_STACK === 'real' ? 'real' : 'embedded';
  for (const c of body.components) expect(c).toMatchObject({ up: true, mode: c.component === 'dataset engine' ? 'embedded' : mode, adapter: expect.any(String) });

  await signIn(page.request);
  await page.goto('/health');
  const table = page.getByRole('table', { name: 'Components' });
  await expect(table.getByRole('row')).toHaveCount(7); // header + six components
  for (const c of body.components) await expect(table.getByRole('row').filter({ hasText: c.adapter })).not.toHaveCount(0);
  await expect(page.getByText('All 6 components up')).toBeVisible();
});

test('tRPC answers bad input with a typed error naming each field, and appends nothing', async ({ request }) => {
  await signIn(request);
  const define = (input: Record<string, unknown>) =>
    request.post('/api/trpc/ontology.defineObjectType', { data: { json: { ontologyId: 'demo', ...input } } });
  const list = async () => {
    const res = await request.get(`/api/trpc/ontology.listObjectTypes?input=${encodeURIComponent(JSON.stringify({ json: { ontologyId: 'demo' } }))}`);
    return ((await res.json()) as { result: { data: { json: { apiName: string }[] } } }).result.data.json.map((t) => t.apiName);
  };
  const before = await list();

  const unknownType = await define({ apiName: 'Berth', displayName: 'Berth', properties: [{ apiName: 'code', displayName: 'Code', dataType: 'varchar' }] });
  expect(unknownType.status()).toBe(400);
  const unknownBody = (await unknownType.json()) as { error: { json: { data: { code: string; issues: { path: string; message: string }[] } } } };
  expect(unknownBody.error.json.data.code).toBe('BAD_REQUEST');
  expect(unknownBody.error.json.data.issues).toEqual([
    expect.objectContaining({
      path: 'properties.0.dataType',
      message: 'unknown data type "varchar"; expected one of string, integer, long, double, boolean, date, timestamp, geopoint, email, phone, url, decimal, array, struct, money, enum',
    }),
  ]);

  const invalidName = await define({ apiName: 'berth yard', displayName: 'Berth yard' });
  expect(invalidName.status()).toBe(400);
  const invalidBody = (await invalidName.json()) as { error: { json: { data: { domainCode: string; issues: { path: string; rule: string }[] } } } };
  expect(invalidBody.error.json.data.domainCode).toBe('ONTOLOGY.INVALID_OBJECT_TYPE');
  expect(invalidBody.error.json.data.issues).toEqual([expect.objectContaining({ path: 'apiName', rule: 'naming' })]);

  const duplicate = await define({ apiName: 'Customer', displayName: 'Customer again' });
  expect(duplicate.status()).toBe(400);
  const duplicateBody = (await duplicate.json()) as { error: { json: { data: { issues: { path: string; message: string }[] } } } };
  expect(duplicateBody.error.json.data.issues).toEqual([
    expect.objectContaining({ path: 'apiName', message: 'object type "Customer" already exists in this ontology' }),
  ]);

  expect(await list()).toEqual(before);
});
