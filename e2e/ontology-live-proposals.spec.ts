import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { randomWord } from './support/ontology-api';
import {
  ALICE,
  BOB,
  createOntology,
  define,
  mutate,
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

/** Two people in two browsers and live updates: longer than the default budget on a cold server. */
test.describe.configure({ timeout: 180_000 });

test('an open review shows another reviewer’s comment and approval without a reload', async ({ browser }) => {
  const alice = await signedIn(browser, ALICE);
  const api = alice.context.request;
  const ontologyId = await createOntology(api, 'live');
  const shipId = await define(api, ontologyId, 'main', 'objectType', ship());
  const branch = `vessel-${randomWord(6)}`;
  await mutate(api, 'model.branches.create', { ontologyId, branch });
  await update(api, ontologyId, branch, shipId, { displayName: 'Vessel' });
  await mutate(api, 'model.proposals.open', { ontologyId, branch, title: 'Call ships vessels' });

  // Alice opens her proposal's review and leaves it open.
  const page = alice.page;
  await page.goto(`/ontology/${ontologyId}/proposals/${branch}`);
  await expect(page.getByRole('heading', { name: 'Call ships vessels' })).toBeVisible();
  await expect(page.getByText('No comments yet.')).toBeVisible();
  await expect(page.getByText('No approvals yet.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Merge' })).toBeDisabled();
  await expect(page.getByText('Live', { exact: true }).first()).toBeVisible();

  // Bob, in his own browser, comments and approves.
  const bob = await signedIn(browser, BOB);
  await bob.page.goto(`/ontology/${ontologyId}/proposals/${branch}`);
  await bob.page.getByLabel('Comment', { exact: true }).fill('Barges are vessels too. Approved.');
  await bob.page
    .getByRole('form', { name: 'Add a comment' })
    .getByRole('button', { name: /Comment/ })
    .click();
  await expect(bob.page.getByRole('list', { name: 'Comments' }).getByRole('listitem')).toHaveCount(1);
  await bob.page.getByRole('button', { name: 'Approve' }).click();
  await expect(bob.page.getByRole('list', { name: 'Approvals' })).toContainText(`${BOB.actor} approved`);

  // Alice's page, never reloaded, follows: the comment, the approval, and she may merge now.
  const comments = page.getByRole('list', { name: 'Comments' });
  await expect(comments).toContainText('Barges are vessels too. Approved.');
  await expect(comments).toContainText(BOB.actor);
  await expect(page.getByRole('list', { name: 'Approvals' })).toContainText(
    `${BOB.actor} approved branch version`,
  );
  await expect(page.getByRole('button', { name: 'Merge' })).toBeEnabled();
  await screenshot(page, 'live-review-after-bob.png');
  await alice.context.close();
  await bob.context.close();
});

test('the top bar shows the current ontology and switches to another from the keyboard', async ({
  browser,
}) => {
  const alice = await signedIn(browser, ALICE);
  const api = alice.context.request;
  const first = await createOntology(api, 'harbour');
  const second = await createOntology(api, 'fleet');
  const page = alice.page;

  await page.goto(`/ontology/${first}`);
  const workspace = page.getByRole('button', { name: /^Workspace:/ });
  await expect(workspace).toHaveAccessibleName(`Workspace: harbour ${first}`);

  // Tab-reachable: focus it, Enter opens the list with the filter focused; the current ontology is marked.
  await workspace.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('dialog', { name: 'Switch workspace' });
  await expect(menu.getByLabel('Filter ontologies')).toBeFocused();
  await expect(menu.getByRole('link', { name: new RegExp(first) })).toHaveAttribute('aria-current', 'true');
  await expect(menu.getByRole('link', { name: 'All ontologies' })).toHaveAttribute('href', '/ontology');
  await screenshot(page, 'workspace-switcher-open.png');
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(workspace).toBeFocused();

  await page.keyboard.press('Enter');
  await page.keyboard.type(second);
  await expect(menu.getByRole('list', { name: 'Ontologies' }).getByRole('link')).toHaveCount(1);
  await page.keyboard.press('ArrowDown');
  const target = menu.getByRole('link', { name: new RegExp(second) });
  await expect(target).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(new RegExp(`/ontology/${second}$`));
  await expect(page.getByRole('heading', { name: `fleet ${second}` })).toBeVisible();
  await expect(workspace).toHaveAccessibleName(`Workspace: fleet ${second}`);

  // Outside any ontology (and after a full load) the top bar keeps the one opened last.
  await page.goto('/health');
  await expect(workspace).toHaveAccessibleName(`Workspace: fleet ${second}`);
  await alice.context.close();
});
