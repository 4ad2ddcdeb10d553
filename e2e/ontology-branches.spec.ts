import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { randomWord } from './support/ontology-api';
import {
  ALICE,
  BOB,
  createOntology,
  define,
  model,
  port,
  ship,
  signedIn,
  update,
} from './support/ontology-model-api';

/** Saves a screenshot as an artefact of the running test. */
async function screenshot(page: Page, name: string): Promise<void> {
  const path = join(test.info().outputDir, name);
  await page.screenshot({ path, fullPage: true });
  await test.info().attach(name, { path, contentType: 'image/png' });
}

const entity = (list: Locator, name: string) => list.getByRole('region', { name });
/** Two people, several pages and live updates: longer than the default budget on a cold dev server. */
test.describe.configure({ timeout: 180_000 });

const fieldRow = (card: Locator, field: string) =>
  card
    .getByRole('row')
    .filter({ has: card.page().getByRole('rowheader', { name: new RegExp(`^${field}`) }) });

test('a branch is changed, reviewed by someone else, approved and merged into main', async ({ browser }) => {
  const alice = await signedIn(browser, ALICE);
  const api = alice.context.request;
  const ontologyId = await createOntology(api, 'branches');
  const shipId = await define(api, ontologyId, 'main', 'objectType', ship());
  await define(api, ontologyId, 'main', 'objectType', port());
  const branch = `rename-${randomWord(6)}`;
  await api.post('/api/trpc/model.branches.create', { data: { json: { ontologyId, branch } } });
  await update(api, ontologyId, branch, shipId, {
    displayName: 'Vessel',
    properties: [
      ...ship().properties.slice(0, 1),
      { apiName: 'tonnage', displayName: 'Tonnage', dataType: { type: 'decimal', precision: 12, scale: 2 } },
      { apiName: 'flag', displayName: 'Flag state', dataType: 'string' },
    ],
  });

  // The branch's page: what it changed, field by field, with readable data types; main has not moved.
  const page = alice.page;
  await page.goto(`/ontology/${ontologyId}/branches/${branch}`);
  const changes = page.getByRole('list', { name: 'Changes on this branch' });
  const shipCard = entity(changes, 'Object type Ship');
  await expect(shipCard.getByText('changed', { exact: true })).toBeVisible();
  await expect(fieldRow(shipCard, 'Display name')).toContainText('ShipVessel');
  await expect(fieldRow(shipCard, 'Properties › tonnage › Data type')).toContainText(
    'decimal(10,2)decimal(12,2)',
  );
  await expect(fieldRow(shipCard, 'Properties › flag')).toContainText('flag: string');
  await expect(entity(changes, 'Object type Port')).toHaveCount(0);
  await expect(page.getByText('Main has not changed since this branch was made.')).toBeVisible();
  await screenshot(page, 'branch-diff.png');

  // Alice proposes it; she can't approve her own proposal, and it can't merge unapproved.
  await page.getByRole('button', { name: /Open proposal/ }).click();
  const form = page.getByRole('form', { name: 'Open proposal' });
  await form.getByLabel('Title').fill('Call ships vessels');
  await form.getByLabel('Description').fill('The harbour says vessel. Also records the flag state.');
  await form.getByRole('button', { name: 'Open proposal' }).click();
  await expect(page).toHaveURL(new RegExp(`/ontology/${ontologyId}/proposals/${branch}$`));
  await expect(page.getByRole('heading', { name: 'Call ships vessels' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Approve' })).toBeDisabled();
  await expect(page.getByText('You opened this proposal; someone else has to approve it.')).toBeVisible();
  await expect(page.getByText('Approval is for the branch as it is now')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Merge' })).toBeDisabled();
  await expect(page.getByText('It needs an approval from someone other than its author.')).toBeVisible();

  // A comment about the Ship type, from its card in the diff.
  await page.getByRole('button', { name: 'Comment on Object type Ship' }).click();
  await expect(page.getByLabel('About')).toHaveValue(`objectType:${shipId}`);
  await page.getByLabel('Comment', { exact: true }).fill('Is "vessel" right for barges too?');
  await page
    .getByRole('form', { name: 'Add a comment' })
    .getByRole('button', { name: /Comment/ })
    .click();
  const comments = page.getByRole('list', { name: 'Comments' });
  await expect(comments.getByRole('listitem')).toHaveCount(1);
  await expect(comments).toContainText('on Object type Ship');
  await expect(comments).toContainText(ALICE.actor);

  // Bob reviews: he sees the comment, answers, approves and merges.
  const bob = await signedIn(browser, BOB);
  await bob.page.goto(`/ontology/${ontologyId}/proposals/${branch}`);
  await expect(bob.page.getByRole('list', { name: 'Comments' })).toContainText(
    'Is "vessel" right for barges too?',
  );
  await bob.page.getByLabel('Comment', { exact: true }).fill('Yes, barges are vessels.');
  await bob.page
    .getByRole('form', { name: 'Add a comment' })
    .getByRole('button', { name: /Comment/ })
    .click();
  await expect(bob.page.getByRole('list', { name: 'Comments' }).getByRole('listitem')).toHaveCount(2);
  await bob.page.getByRole('button', { name: 'Approve' }).click();
  await expect(bob.page.getByRole('list', { name: 'Approvals' })).toContainText(
    `${BOB.actor} approved branch version`,
  );
  await expect(bob.page.getByRole('button', { name: 'Approve' })).toBeDisabled();
  const merge = bob.page.getByRole('button', { name: 'Merge' });
  await expect(merge).toBeEnabled();
  await screenshot(bob.page, 'proposal-approved.png');
  await merge.click();
  await expect(bob.page.getByText('Merged into main')).toBeVisible();
  await expect(bob.page.getByText(`${BOB.actor} merged this branch at`)).toBeVisible();
  await screenshot(bob.page, 'proposal-merged.png');

  // Alice's open page follows live; main has the branch's change.
  await expect(page.getByText('Merged into main')).toBeVisible();
  const shipOnMain = (await model(api, ontologyId)).entities.objectType.find((e) => e.id === shipId)!;
  expect(shipOnMain.definition.displayName).toBe('Vessel');
  expect((shipOnMain.definition.properties as { apiName: string }[]).map((p) => p.apiName)).toEqual([
    'imo',
    'tonnage',
    'flag',
  ]);
  await bob.page.getByRole('link', { name: 'Open main' }).click();
  await expect(bob.page.getByText('Vessel').first()).toBeVisible();
  await screenshot(bob.page, 'main-after-merge.png');
  await alice.context.close();
  await bob.context.close();
});

test('a merge conflict with main is shown side by side and merged only with an explicit choice', async ({
  browser,
}) => {
  const alice = await signedIn(browser, ALICE);
  const api = alice.context.request;
  const ontologyId = await createOntology(api, 'conflicts');
  const shipId = await define(api, ontologyId, 'main', 'objectType', ship());
  const branch = `vessel-${randomWord(6)}`;
  await api.post('/api/trpc/model.branches.create', { data: { json: { ontologyId, branch } } });
  await update(api, ontologyId, branch, shipId, { displayName: 'Vessel' });

  await alice.page.goto(`/ontology/${ontologyId}/branches/${branch}`);
  await alice.page.getByRole('button', { name: /Open proposal/ }).click();
  await alice.page.getByRole('form', { name: 'Open proposal' }).getByLabel('Title').fill('Vessel, not ship');
  await alice.page
    .getByRole('form', { name: 'Open proposal' })
    .getByRole('button', { name: 'Open proposal' })
    .click();
  await expect(alice.page.getByRole('heading', { name: 'Vessel, not ship' })).toBeVisible();

  const bob = await signedIn(browser, BOB);
  const review = bob.page;
  await review.goto(`/ontology/${ontologyId}/proposals/${branch}`);
  await review.getByRole('button', { name: 'Approve' }).click();
  await expect(review.getByRole('button', { name: 'Merge' })).toBeEnabled();

  // Meanwhile main changes the same field (and, harmlessly, another one): the open review shows the conflict live.
  await update(api, ontologyId, 'main', shipId, { displayName: 'Boat', description: 'Described on main' });
  const conflicts = review.getByRole('region', { name: 'Conflicts with main' });
  await expect(conflicts).toBeVisible();
  const row = conflicts.getByRole('row', { name: 'Ship Display name' });
  await expect(row.getByRole('cell')).toHaveText(['Ship', 'Vessel', 'Boat', /Keep main\s*Take branch/]);
  await expect(review.getByText(/^Merge: Choose a side for the conflict/)).toBeVisible();
  const mergeButton = review.getByRole('button', { name: /^Merge/ });
  await expect(mergeButton).toBeDisabled();
  // Both sides of the diff mark the field.
  await expect(
    review
      .getByRole('list', { name: 'Changes on this branch' })
      .getByRole('region', { name: 'Object type Ship' }),
  ).toContainText('conflict');
  await expect(
    review.getByRole('list', { name: 'Changes on main' }).getByRole('region', { name: 'Object type Ship' }),
  ).toContainText('Boat');
  await screenshot(review, 'merge-conflict.png');

  // The branch's page shows it too.
  await alice.page.goto(`/ontology/${ontologyId}/branches/${branch}`);
  await expect(alice.page.getByText('1 conflict with main')).toBeVisible();

  await row.getByRole('radio', { name: 'Take branch' }).check();
  await expect(conflicts).toContainText('all resolved');
  await expect(mergeButton).toHaveText('Merge with 1 resolution');
  await expect(mergeButton).toBeEnabled();
  await screenshot(review, 'merge-conflict-resolved.png');
  await mergeButton.click();
  await expect(review.getByText('Merged into main')).toBeVisible();

  // The branch's value won where it was chosen; main's own change elsewhere was kept.
  const merged = (await model(api, ontologyId)).entities.objectType.find((e) => e.id === shipId)!;
  expect(merged.definition.displayName).toBe('Vessel');
  expect(merged.definition.description).toBe('Described on main');
  await alice.context.close();
  await bob.context.close();
});
