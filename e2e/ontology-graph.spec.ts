import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support/sign-in';

// The graph bench page draws a generated ontology (apps/web/src/features/ontology/graph/bench-ontology.ts):
// at 12 types and 16 links, Vessel (ot_0000) and Port (ot_0006) are linked to each other and Port to nothing else.
const SMALL = '/dev/bench/ontology-graph?types=12&links=16';
const VESSEL = 'ot_0000';
const PORT = 'ot_0006';

const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
const figure = (page: Page, label: 'Selected' | 'Opened') => page.getByRole('group', { name: label }).getByRole('definition');

test('the ontology graph lays out, finds and zooms to a type, lights up its neighbours and moves between them', async ({ page, context }) => {
  await signIn(context.request);
  await page.goto(SMALL);
  await expect(page.getByText('12 object types · 16 link types · 1 interface')).toBeVisible();
  await expect(page.locator('.react-flow__node')).toHaveCount(13, { timeout: 60_000 });
  await expect(node(page, VESSEL)).toContainText('Vessel');
  await expect(page.locator('.og-edge')).not.toHaveCount(0);
  await expect(page.locator('.og-link .og-chip-text').first()).toHaveText(/^(1:1|1:N|N:M)$/);

  // A click selects a type; its neighbours stand out and the rest is dimmed.
  await node(page, VESSEL).click();
  await expect(figure(page, 'Selected')).toHaveText('Vessel');
  const root = page.getByRole('group', { name: 'Ontology graph' });
  await expect(root).toHaveAttribute('data-focus', 'true');
  await expect(node(page, VESSEL).locator('.og-node')).toHaveAttribute('data-emph', 'selected');
  await expect(node(page, PORT).locator('.og-node')).toHaveAttribute('data-emph', 'neighbour');
  await page.screenshot({ path: join(test.info().project.outputDir, 'ontology-graph.png') });

  // Esc clears the selection.
  await page.keyboard.press('Escape');
  await expect(figure(page, 'Selected')).toHaveText('none');
  await expect(root).not.toHaveAttribute('data-focus');
  await expect(page.locator('.og-node[data-emph]')).toHaveCount(0);

  // `/` focuses the search; Enter zooms to the best match and selects it.
  await page.keyboard.press('/');
  await expect(page.getByRole('combobox', { name: 'Find a type' })).toBeFocused();
  await page.keyboard.type('por');
  await expect(page.getByRole('listbox', { name: 'Matching types' }).getByRole('option').first()).toContainText('Port');
  await page.keyboard.press('Enter');
  await expect(figure(page, 'Selected')).toHaveText('Port');
  await expect(node(page, PORT)).toBeInViewport();

  // Enter opens the selection; an arrow key moves the selection to a linked type (Port's only one: Vessel).
  await page.keyboard.press('Enter');
  await expect(figure(page, 'Opened')).toHaveText('Port');
  for (const key of ['ArrowUp', 'ArrowLeft', 'ArrowDown', 'ArrowRight']) {
    await page.keyboard.press(key);
    if ((await figure(page, 'Selected').textContent()) !== 'Port') break;
  }
  await expect(figure(page, 'Selected')).toHaveText('Vessel');

  // A double click opens a type.
  await node(page, PORT).dblclick();
  await expect(figure(page, 'Opened')).toHaveText('Port');
});

test('the ontology graph says so when there is nothing to draw', async ({ page, context }) => {
  await signIn(context.request);
  await page.goto('/dev/bench/ontology-graph?types=0&links=0');
  await expect(page.getByText('No object types to draw')).toBeVisible();
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
});
