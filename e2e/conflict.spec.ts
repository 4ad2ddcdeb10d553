import { join } from 'node:path';
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { signIn } from './support/sign-in';
import { defineShip, listObjectTypes } from './support/ontology-api';

const ALICE = { actor: 'alice@spice.local', name: 'Alice Editor' };
const BOB = { actor: 'bob@spice.local', name: 'Bob Editor' };

/** A signed-in page on the ontology list, live updates connected, with `apiName` selected. */
async function openAs(browser: Browser, who: typeof ALICE, apiName: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const res = await context.request.post('/api/dev/sign-in', { data: who });
  expect(res.status()).toBe(200);
  const page = await context.newPage();
  await page.goto('/ontology');
  await expect(page.getByText('Live', { exact: true })).toBeVisible();
  await row(page, apiName).click();
  await expect(details(page, apiName)).toBeVisible();
  return page;
}

function row(page: Page, apiName: string): Locator {
  return page.getByRole('table', { name: 'Object types' }).getByRole('row').filter({ has: page.getByRole('cell', { name: apiName, exact: true }) });
}

function details(page: Page, apiName: string): Locator {
  return page.getByRole('complementary', { name: `Object type ${apiName}` });
}

async function startEditing(page: Page, apiName: string): Promise<Locator> {
  await details(page, apiName).getByRole('button', { name: 'Edit', exact: true }).click();
  const form = page.getByRole('form', { name: `Edit object type ${apiName}` });
  await expect(form).toBeVisible();
  return form;
}

function commandStatus(page: Page): Locator {
  return page.getByRole('status', { name: 'Command status' });
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(test.info().project.outputDir, name) });
}

test('the second of two editors meets "changed by someone else", reapplies their edits on top and saves', async ({ browser, request }) => {
  await signIn(request);
  const ship = await defineShip(request);
  const alice = await openAs(browser, ALICE, ship.apiName);
  const bob = await openAs(browser, BOB, ship.apiName);

  const aliceForm = await startEditing(alice, ship.apiName);
  const bobForm = await startEditing(bob, ship.apiName);

  // Bob saves first: a new display name.
  await bobForm.getByLabel('Display name', { exact: true }).fill('Ocean liner');
  await bobForm.getByRole('button', { name: 'Save' }).click();
  await expect(bobForm).toBeHidden();
  await expect(row(bob, ship.apiName).getByRole('cell').nth(1)).toHaveText('Ocean liner');
  await expect(commandStatus(bob)).toContainText(`Update ${ship.apiName}`);
  await expect(commandStatus(bob)).toHaveAttribute('data-phase', 'visible');

  // Alice, still on the version she loaded, is told it moved on while she edits a description and a property.
  await expect(aliceForm.getByText('Changed since you started editing')).toBeVisible();
  await aliceForm.getByLabel('Description').fill('Carries passengers between ports');
  await aliceForm.getByRole('button', { name: 'Add property' }).click();
  await aliceForm.getByLabel('Property 3 API name').fill('flagState');
  await aliceForm.getByLabel('Property 3 display name').fill('Flag state');
  await aliceForm.getByRole('button', { name: 'Save' }).click();

  // Her save is refused: who changed it and when, theirs beside hers, and no way to overwrite blindly.
  const conflict = aliceForm.getByRole('status').filter({ hasText: 'Changed by someone else' });
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText(`${BOB.actor} saved this object type at`);
  await expect(conflict).toContainText(`your edits are based on version ${ship.version}`);
  const comparison = conflict.getByRole('table', { name: 'Their version and your edits' });
  await expect(comparison.getByRole('row', { name: /Display name/ })).toContainText('Ocean liner');
  await expect(comparison.getByRole('row', { name: /Display name/ })).toContainText('they changed');
  await expect(comparison.getByRole('row', { name: /Description/ })).toContainText('you edited');
  await expect(comparison.getByRole('row', { name: /Properties/ })).toContainText('flagState: string');
  await expect(aliceForm.getByRole('button', { name: 'Save' })).toBeDisabled();
  await expect(commandStatus(alice)).toHaveAttribute('data-phase', 'failed');
  await screenshot(alice, 'conflict-changed-by-someone-else.png');

  // Reapply: Bob's version underneath, Alice's edited fields on top, for her to review.
  await conflict.getByRole('button', { name: 'Reapply my changes' }).click();
  await expect(aliceForm.getByText('Your changes are reapplied')).toBeVisible();
  await expect(aliceForm.getByLabel('Display name', { exact: true })).toHaveValue('Ocean liner');
  await expect(aliceForm.getByLabel('Description')).toHaveValue('Carries passengers between ports');
  await expect(aliceForm.getByLabel('Property 3 API name')).toHaveValue('flagState');
  await expect(aliceForm.getByLabel('Primary key')).toHaveValue(/.+/);
  await screenshot(alice, 'conflict-reapplied.png');
  await aliceForm.getByRole('button', { name: 'Save' }).click();
  await expect(aliceForm).toBeHidden();
  await expect(commandStatus(alice)).toHaveAttribute('data-phase', 'visible');

  // Both lists show the merged result, pushed live.
  for (const page of [alice, bob]) {
    await expect(row(page, ship.apiName).getByRole('cell')).toHaveText([ship.apiName, 'Ocean liner', '3', 'imo', 'experimental', ALICE.actor, /UTC$/]);
    await expect(details(page, ship.apiName)).toContainText('Carries passengers between ports');
    await expect(details(page, ship.apiName)).toContainText('flagState');
  }
  const final = (await listObjectTypes(request)).find((t) => t.id === ship.id)!;
  expect(final).toMatchObject({ displayName: 'Ocean liner', description: 'Carries passengers between ports', primaryKey: 'imo' });
  expect(final.properties.map((p) => p.apiName)).toEqual(['imo', 'tonnage', 'flagState']);

  // A delete confirmed on a version someone changed meanwhile is refused too, and needs a second, explicit yes.
  await details(bob, ship.apiName).getByRole('button', { name: 'Delete', exact: true }).click();
  const confirm = bob.getByRole('alertdialog', { name: `Delete ${ship.apiName}` });
  await expect(confirm).toBeVisible();
  const aliceAgain = await startEditing(alice, ship.apiName);
  await aliceAgain.getByLabel('Description').fill('About to be deleted');
  await aliceAgain.getByRole('button', { name: 'Save' }).click();
  await expect(aliceAgain).toBeHidden();
  await confirm.getByRole('button', { name: 'Delete object type' }).click();
  await expect(confirm.getByText('Changed by someone else')).toBeVisible();
  await expect(confirm).toContainText(`${ALICE.actor} changed it at`);
  await screenshot(bob, 'conflict-delete.png');
  await confirm.getByRole('button', { name: /^Delete version \d+$/ }).click();

  for (const page of [alice, bob]) await expect(row(page, ship.apiName)).toHaveCount(0);
  await expect(details(alice, ship.apiName).getByText('This object type was deleted')).toBeVisible();
  await expect(commandStatus(bob)).toHaveAttribute('data-phase', 'visible');
  await expect(commandStatus(bob)).toContainText(`Delete ${ship.apiName}`);
  expect((await listObjectTypes(request)).map((t) => t.id)).not.toContain(ship.id);
});

test('reload drops my edits and loads theirs', async ({ browser, request }) => {
  await signIn(request);
  const ship = await defineShip(request);
  const alice = await openAs(browser, ALICE, ship.apiName);
  const bob = await openAs(browser, BOB, ship.apiName);
  const aliceForm = await startEditing(alice, ship.apiName);
  const bobForm = await startEditing(bob, ship.apiName);

  await bobForm.getByLabel('Description').fill('Bob was here');
  await bobForm.getByRole('button', { name: 'Save' }).click();
  await expect(bobForm).toBeHidden();

  await aliceForm.getByLabel('Display name', { exact: true }).fill('Alice’s name for it');
  await aliceForm.getByRole('button', { name: 'Save' }).click();
  const conflict = aliceForm.getByRole('status').filter({ hasText: 'Changed by someone else' });
  await expect(conflict.getByRole('button', { name: 'Reload' })).toBeVisible();
  await conflict.getByRole('button', { name: 'Reload' }).click();

  await expect(aliceForm.getByText('Their version is loaded')).toBeVisible();
  await expect(aliceForm.getByLabel('Description')).toHaveValue('Bob was here');
  await expect(aliceForm.getByLabel('Display name', { exact: true })).toHaveValue(ship.displayName);
  await aliceForm.getByRole('button', { name: 'Cancel' }).click();
  await expect(row(alice, ship.apiName).getByRole('cell').nth(1)).toHaveText(ship.displayName);
});
