import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { signIn } from './support/sign-in';

/** What scripts/e2e seeded before the servers started (see seed-dead-letters.script.ts). */
interface SeededDeadLetters {
  readonly handler: string;
  /** Two object types: the first failed until it was dead-lettered, the second waits behind it. */
  readonly stream: { readonly ontologyId: string; readonly objectTypes: string[]; readonly eventIds: string[] };
  readonly other: { readonly ontologyId: string; readonly objectTypes: string[]; readonly eventIds: string[] };
}

function seeded(): SeededDeadLetters {
  const file = process.env.E2E_DEAD_LETTERS;
  if (!file) throw new Error('E2E_DEAD_LETTERS not set: run the journeys with `bash scripts/e2e embedded|real`, which seeds dead letters before starting the servers');
  return JSON.parse(readFileSync(file, 'utf8')) as SeededDeadLetters;
}

function rowsOf(page: Page, ontologyId: string) {
  return page
    .getByRole('table', { name: 'Dead letters' })
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: `ontology/${ontologyId}`, exact: true }) });
}

async function objectTypeNames(request: APIRequestContext, ontologyId: string): Promise<string[]> {
  const res = await request.get(`/api/trpc/ontology.listObjectTypes?input=${encodeURIComponent(JSON.stringify({ json: { ontologyId } }))}`);
  const body = (await res.json()) as { result: { data: { json: { apiName: string }[] } } };
  return body.result.data.json.map((t) => t.apiName).sort();
}

test('dead letters are listed, inspected and re-driven from the admin page, and the projection then applies them', async ({ page }) => {
  const { handler, stream, other } = seeded();
  await signIn(page.request);
  // Before the re-drive the projection has none of the seeded object types.
  expect(await objectTypeNames(page.request, stream.ontologyId)).toEqual([]);

  await page.goto('/health');
  await page.getByRole('navigation', { name: 'Workbench' }).getByRole('link', { name: 'Dead letters', exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/dead-letters$/);
  await expect(page.getByRole('heading', { name: 'Dead letters', level: 1 })).toBeVisible();

  // The stream's failed event and the one queued behind it, and the other stream's.
  await expect(rowsOf(page, stream.ontologyId)).toHaveCount(2);
  await expect(rowsOf(page, other.ontologyId)).toHaveCount(1);
  await expect(rowsOf(page, stream.ontologyId).first().getByRole('cell')).toHaveText([
    handler,
    `ontology/${stream.ontologyId}`,
    '2',
    'ObjectTypeDefined',
    '3',
    /^\d\d-\d\d \d\d:\d\d$/,
    /search index unreachable/,
  ]);
  await expect(rowsOf(page, stream.ontologyId).nth(1).getByRole('cell').nth(6)).toHaveText(`blocked behind dead-lettered event ${stream.eventIds[0]}`);

  // The details: why it died, the stored event, its payload as keys and values.
  await rowsOf(page, stream.ontologyId).first().click();
  const details = page.getByRole('complementary', { name: `Dead letter ${stream.eventIds[0]}` });
  await expect(details.getByRole('heading', { name: `ObjectTypeDefined · ${stream.ontologyId} #2` })).toBeVisible();
  await expect(details.getByText(/search index unreachable \(simulated outage/)).toBeVisible();
  const payload = details.getByLabel('Payload');
  await expect(payload.getByRole('term').filter({ hasText: /^apiName$/ })).toBeVisible();
  await expect(payload.getByText(stream.objectTypes[0]!, { exact: true })).toBeVisible();
  await expect(payload.getByRole('table').getByRole('row')).toHaveCount(3); // header + the two properties
  await expect(payload.getByRole('table').getByRole('cell', { name: 'builtOn', exact: true })).toBeVisible();
  await page.screenshot({ path: join(test.info().project.outputDir, 'dead-letters.png') });

  // Re-drive the stream from its head: both events go back, in order, after a confirmation.
  await details.getByRole('button', { name: 'Re-drive' }).click();
  const confirm = page.getByRole('alertdialog', { name: `Re-drive ${stream.eventIds[0]}` });
  await expect(confirm).toContainText('together with the 1 later dead letter of its stream');
  await confirm.getByRole('button', { name: 'Re-drive 2 events' }).click();
  const toasts = page.getByRole('status');
  await expect(toasts.getByText('Re-drove 2 dead letters')).toBeVisible();
  await toasts.getByRole('button', { name: 'Dismiss' }).click();
  await expect(details).toBeHidden();
  await expect(rowsOf(page, stream.ontologyId)).toHaveCount(0);
  await expect.poll(() => objectTypeNames(page.request, stream.ontologyId), { timeout: 30_000 }).toEqual([...stream.objectTypes].sort());

  // Re-drive all of the handler's dead letters.
  await page.getByLabel('Handler').selectOption(handler);
  await page.getByRole('button', { name: 'Re-drive all' }).click();
  const confirmAll = page.getByRole('alertdialog', { name: `Re-drive all dead letters of ${handler}` });
  await confirmAll.getByRole('button', { name: /^Re-drive \d+ events?$/ }).click();
  await expect(toasts.getByText(/^Re-drove \d+ dead letters?$/)).toBeVisible();
  await expect(rowsOf(page, other.ontologyId)).toHaveCount(0);
  await expect.poll(() => objectTypeNames(page.request, other.ontologyId), { timeout: 30_000 }).toEqual(other.objectTypes);
  // The embedded run has no other dead letters, so the page says there are none left.
  if (process.env.E2E_STACK !== 'real') await expect(page.getByText('No dead letters', { exact: true })).toBeVisible();
});
