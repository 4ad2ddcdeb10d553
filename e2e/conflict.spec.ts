import { join } from 'node:path';
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { signIn } from './support/sign-in';
import { defineShip, ONTOLOGY_ID, readModelAt, type ObjectTypeRow } from './support/ontology-api';
import { editForm, saveWithCtrlS } from './support/workbench';

const ALICE = { actor: 'alice@spice.local', name: 'Alice Editor' };
const BOB = { actor: 'bob@spice.local', name: 'Bob Editor' };

/** A signed-in page on the object type's page, live updates connected. */
async function openAs(browser: Browser, who: typeof ALICE, ship: ObjectTypeRow): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const res = await context.request.post('/api/dev/sign-in', { data: who });
  expect(res.status()).toBe(200);
  const page = await context.newPage();
  await page.goto(`/ontology/${ONTOLOGY_ID}/object-types/${ship.id}`);
  await expect(page.getByText('Live', { exact: true })).toBeVisible();
  await expect(editForm(page, ship.apiName)).toBeVisible();
  return page;
}

function commandStatus(page: Page): Locator {
  return page.getByRole('status', { name: 'Command status' });
}

function conflictPanel(page: Page): Locator {
  return page.getByRole('status').filter({ hasText: 'Changed by someone else' });
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(test.info().project.outputDir, name) });
}

test('the second of two editors meets "changed by someone else", reapplies their edits on top and saves', async ({ browser, request }) => {
  await signIn(request);
  const ship = await defineShip(request);
  const alice = await openAs(browser, ALICE, ship);
  const bob = await openAs(browser, BOB, ship);
  const aliceForm = editForm(alice, ship.apiName);
  const bobForm = editForm(bob, ship.apiName);

  // Alice starts editing; Bob saves a new display name first.
  await aliceForm.getByLabel('Description', { exact: true }).fill('Carries passengers between ports');
  await bobForm.getByLabel('Display name', { exact: true }).fill('Ocean liner');
  await saveWithCtrlS(bob, `object type ${ship.apiName}`);
  await expect(commandStatus(bob)).toContainText(`Update ${ship.apiName}`);
  await expect(commandStatus(bob)).toHaveAttribute('data-phase', 'visible');

  // Alice, still on the version she loaded, is told it moved on while she adds a property.
  await expect(alice.getByText('Changed since you started editing')).toBeVisible();
  await aliceForm.getByRole('button', { name: '+ Add property' }).click();
  await aliceForm.getByLabel('Property 3 API name').fill('flagState');
  await aliceForm.getByLabel('Property 3 display name').fill('Flag state');
  await alice.keyboard.press('Control+s');

  // Her save is refused: who changed it and when, theirs beside hers, and no way to overwrite blindly.
  const conflict = conflictPanel(alice);
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText(`${BOB.actor} saved this object type ${ship.apiName} at`);
  await expect(conflict).toContainText(`your edits are based on version ${ship.version}`);
  const comparison = conflict.getByRole('table', { name: 'Their version and your edits' });
  await expect(comparison.getByRole('row', { name: /displayName/ })).toContainText('Ocean liner');
  await expect(comparison.getByRole('row', { name: /displayName/ })).toContainText('they changed');
  await expect(comparison.getByRole('row', { name: /description/ })).toContainText('you edited');
  await expect(comparison.getByRole('row', { name: /properties/ })).toContainText('flagState: string');
  await expect(alice.getByRole('region', { name: 'Unsaved changes' }).getByRole('button', { name: /Save/ })).toBeDisabled();
  await expect(commandStatus(alice)).toHaveAttribute('data-phase', 'failed');
  await screenshot(alice, 'conflict-changed-by-someone-else.png');

  // Reapply: Bob's version underneath, Alice's edited fields on top, for her to review.
  await conflict.getByRole('button', { name: 'Reapply my changes' }).click();
  await expect(alice.getByText('Your changes are reapplied')).toBeVisible();
  await expect(aliceForm.getByLabel('Display name', { exact: true })).toHaveValue('Ocean liner');
  await expect(aliceForm.getByLabel('Description', { exact: true })).toHaveValue('Carries passengers between ports');
  await expect(aliceForm.getByLabel('Property 3 API name')).toHaveValue('flagState');
  await screenshot(alice, 'conflict-reapplied.png');
  await saveWithCtrlS(alice, `object type ${ship.apiName}`);
  await expect(commandStatus(alice)).toHaveAttribute('data-phase', 'visible');

  // Both pages show the merged result, pushed live.
  for (const page of [alice, bob]) {
    const form = editForm(page, ship.apiName);
    await expect(form.getByLabel('Display name', { exact: true })).toHaveValue('Ocean liner');
    await expect(form.getByLabel('Description', { exact: true })).toHaveValue('Carries passengers between ports');
    await expect(form.getByLabel('Property 3 API name')).toHaveValue('flagState');
  }
  const final = await readModelAt(request, ship.id, ship.version + 2);
  expect(final).toMatchObject({ displayName: 'Ocean liner', description: 'Carries passengers between ports', primaryKey: 'imo' });
  expect(final!.properties.map((p) => p.apiName)).toEqual(['imo', 'tonnage', 'flagState']);
});

test('reload drops my edits and loads theirs', async ({ browser, request }) => {
  await signIn(request);
  const ship = await defineShip(request);
  const alice = await openAs(browser, ALICE, ship);
  const bob = await openAs(browser, BOB, ship);
  const aliceForm = editForm(alice, ship.apiName);

  await aliceForm.getByLabel('Display name', { exact: true }).fill('Alice’s name for it');
  await editForm(bob, ship.apiName).getByLabel('Description', { exact: true }).fill('Bob was here');
  await saveWithCtrlS(bob, `object type ${ship.apiName}`);

  await alice.keyboard.press('Control+s');
  const conflict = conflictPanel(alice);
  await expect(conflict.getByRole('button', { name: 'Reload' })).toBeVisible();
  await conflict.getByRole('button', { name: 'Reload' }).click();

  await expect(alice.getByText('Their version is loaded')).toBeVisible();
  await expect(aliceForm.getByLabel('Description', { exact: true })).toHaveValue('Bob was here');
  await expect(aliceForm.getByLabel('Display name', { exact: true })).toHaveValue(ship.displayName);
  await expect(alice.getByRole('region', { name: 'Unsaved changes' })).toBeHidden();
});
