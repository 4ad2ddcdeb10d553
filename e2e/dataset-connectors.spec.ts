import { expect, test, type Locator, type Page } from '@playwright/test';
import { artifactShot } from './support/artifacts';
import { CsvSource } from './support/csv-source';
import { createDataset } from './support/datasets';
import { randomWord } from './support/ontology-api';
import { signIn } from './support/sign-in';

/**
 * A connector in the workbench, against a real HTTP source: a CSV served on loopback with an ETag. Created in the
 * New connector panel (the server's field errors shown on the fields), run now: the first run commits a version,
 * the second finds the file not modified (304), a changed file commits a second version; the run history lists the
 * three runs newest first and the dataset's history the two versions. An edit of a stale copy is refused (409); a
 * source that went away fails its run with the reason, committing nothing.
 */

const JOURNEY = 'dataset-connectors';
const V1 = 'id,name,tonnage\nS1,Aurora,1200\nS2,Borealis,800\n';
const V2 = 'id,name,tonnage\nS1,Aurora,1300\nS2,Borealis,800\nS3,Cygnus,950\n';

let source: CsvSource;
test.beforeAll(async () => {
  source = await CsvSource.start('/exports/fleet.csv', 2_000);
  source.serve(V1);
});
test.afterAll(async () => source?.stop());

const runRows = (page: Page) => page.getByRole('table', { name: 'Runs' }).locator('tbody tr');

async function runNow(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: /^(Run now|Running…)$/ });
  await button.click();
  // The source answers after two seconds: long enough to see the run going, in the button and in the history.
  await expect(button).toHaveText('Running…');
  await expect(runRows(page).first()).toContainText('running');
  await expect(button).toHaveText('Run now', { timeout: 60_000 });
}

async function expectRun(row: Locator, outcome: 'committed' | 'unchanged', unchangedBy: string): Promise<void> {
  await expect(row.getByRole('cell').nth(4)).toHaveText(outcome);
  await expect(row.getByRole('cell').nth(5)).toHaveText(unchangedBy);
}

/** Signs in, creates a dataset and goes to its Connectors tab by keyboard (g c); returns the dataset's id. */
async function newDatasetConnectors(page: Page, prefix: string, title: string): Promise<string> {
  await signIn(page.request);
  const word = randomWord(6);
  const datasetId = `${prefix}-${word}`;
  await createDataset(page, datasetId, `${title} ${word}`);
  await page.getByRole('heading', { name: `${title} ${word}` }).click();
  await page.keyboard.press('g');
  await page.keyboard.press('c');
  await expect(page).toHaveURL(new RegExp(`/datasets/${datasetId}/connectors$`));
  return datasetId;
}

test('an HTTP connector: create it, run it now, skip an unmodified file, commit a changed one, and keep its run history', async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  // The Connectors tab explains what a connector is until there is one.
  const datasetId = await newDatasetConnectors(page, 'fleet', 'Fleet');
  await expect(page.getByText('No connector fills this dataset')).toBeVisible();
  await artifactShot(page, testInfo, JOURNEY, '1-empty');

  // New connector (n): focus on the first field; the server's refusals land on the fields they are about.
  await page.keyboard.press('n');
  const panel = page.getByRole('dialog', { name: 'New connector' });
  await expect(panel.getByRole('combobox', { name: 'Kind of source' })).toBeFocused();
  await panel.getByLabel('URL').fill('ftp://127.0.0.1/fleet.csv');
  await panel.getByRole('button', { name: 'Add header' }).click();
  await panel.getByLabel('Header 1 name').fill('Authorization');
  await panel.getByLabel('Header 1 value', { exact: true }).fill('Bearer s3cret');
  await panel.getByRole('button', { name: 'Add header' }).click();
  await panel.getByLabel('Header 2 name').fill('Accept');
  await panel.getByLabel('Header 2 value', { exact: true }).fill('text/csv');
  await panel.getByLabel('Schedule (cron)').fill('0 6 * * *');
  await panel.getByLabel('Time zone').fill('Asia/Seoul');
  await expect(panel.getByRole('region', { name: 'Next runs' }).getByRole('listitem')).toHaveCount(5);
  await expect(panel.getByRole('region', { name: 'Next runs' })).toContainText('06:00 Asia/Seoul');
  await panel.getByLabel('Name', { exact: true }).fill('Fleet feed');
  await panel.getByRole('button', { name: 'Create connector' }).click();
  await expect(panel.getByText('must be an http:// or https:// URL')).toBeVisible();
  await expect(panel.getByLabel('URL')).toBeFocused();
  await panel.getByLabel('URL').fill(source.url);
  await panel.getByRole('button', { name: 'Create connector' }).click();
  await expect(panel.getByText(/header "Authorization" carries a credential/)).toBeVisible();
  await expect(panel.getByLabel('Header 1 value', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await artifactShot(page, testInfo, JOURNEY, '2-new-connector-errors');

  // Without the credential header (it would name a secret of the server's); Enter in a field submits.
  await panel.getByRole('button', { name: 'Remove header 1' }).click();
  await expect(panel.getByLabel('Header 1 name')).toHaveValue('Accept');
  await panel.getByLabel('Name', { exact: true }).press('Enter');
  await expect(page).toHaveURL(new RegExp(`/datasets/${datasetId}/connectors/conn_`));
  await expect(page.getByRole('heading', { name: 'Fleet feed' })).toBeVisible();
  await expect(page.getByLabel('Connector settings')).toContainText('0 6 * * *');
  await expect(page.getByText('Not run yet')).toBeVisible();

  // Run now: a version is committed, and the dataset's history shows it.
  await runNow(page);
  await expect(runRows(page)).toHaveCount(1);
  await expectRun(runRows(page).first(), 'committed', '—');
  await expect(runRows(page).first().getByRole('link', { name: /v1/ })).toBeVisible();
  await expect(page.getByLabel('Current version')).toContainText('2 rows × 3 columns');

  // Again: the source says 304 to the ETag the last run saw; nothing is committed.
  await runNow(page);
  await expect(runRows(page)).toHaveCount(2);
  await expectRun(runRows(page).first(), 'unchanged', 'not modified');
  expect(source.requests.at(-1)?.['if-none-match']).toBe(source.etag);
  expect(source.requests.at(-1)?.accept).toBe('text/csv');

  // The file changes: a second version.
  source.serve(V2);
  await runNow(page);
  await expect(runRows(page)).toHaveCount(3);
  await expectRun(runRows(page).nth(0), 'committed', '—');
  await expectRun(runRows(page).nth(1), 'unchanged', 'not modified');
  await expectRun(runRows(page).nth(2), 'committed', '—');
  await expect(runRows(page).first().getByRole('link', { name: /v2/ })).toBeVisible();
  await expect(page.getByLabel('Current version')).toContainText('3 rows × 3 columns');
  await artifactShot(page, testInfo, JOURNEY, '3-connector-runs');

  // An edit of a stale copy: someone changes the connector over the API while the panel is open.
  const connectorId = page.url().split('/connectors/')[1]!;
  await page.getByRole('button', { name: /^Edit/ }).click();
  const edit = page.getByRole('dialog', { name: 'Edit connector' });
  await expect(edit.getByLabel('URL')).toHaveValue(source.url);
  const elsewhere = await page.request.patch(`/api/v1/connectors/${connectorId}`, { data: { description: 'Nightly export of the fleet register' } });
  expect(elsewhere.status(), await elsewhere.text()).toBe(200);
  await edit.getByLabel('Name', { exact: true }).fill('Fleet register');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit.getByText('Changed by someone else first: not saved')).toBeVisible();
  await artifactShot(page, testInfo, JOURNEY, '4-stale-edit');
  await edit.getByRole('button', { name: 'Load latest' }).click();
  await expect(edit.getByLabel('Description')).toHaveValue('Nightly export of the fleet register');
  await edit.getByLabel('Name', { exact: true }).fill('Fleet register');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Fleet register' })).toBeVisible();

  // Pause and resume.
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByLabel('Connector state')).toHaveText('paused');
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByLabel('Connector state')).toHaveText('enabled');

  // A source that went away: the run fails, says why, and commits nothing.
  await page.getByRole('button', { name: /^Edit/ }).click();
  await edit.getByLabel('URL').fill(source.url.replace('fleet.csv', 'gone.csv'));
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByLabel('Connector settings')).toContainText('gone.csv');
  await runNow(page);
  await expect(runRows(page)).toHaveCount(4);
  await expect(runRows(page).first().getByRole('cell').nth(4)).toHaveText('failed');
  await expect(runRows(page).first().getByRole('cell').last()).toContainText('answered 404');
  await expect(page.getByLabel('Current version')).toContainText('3 rows');
  await artifactShot(page, testInfo, JOURNEY, '5-failed-run');

  // The dataset's history: both versions, fetched by the connector.
  await page.getByRole('navigation', { name: 'Dataset sections' }).getByRole('link', { name: /History/ }).click();
  const versions = page.getByRole('table', { name: 'Versions' });
  await expect(versions.locator('tbody tr')).toHaveCount(2);
  await expect(versions.locator('tbody tr').first().getByRole('link', { name: 'fleet.csv' })).toHaveAttribute('href', `/datasets/${datasetId}/connectors/${connectorId}`);
  await expect(versions.locator('tbody tr').first()).toContainText('Fetched by connector "Fleet feed"');
  await artifactShot(page, testInfo, JOURNEY, '6-history');

  // The connectors list: schedule, next run, last run.
  await page.getByRole('navigation', { name: 'Dataset sections' }).getByRole('link', { name: /Connectors/ }).click();
  const row = page.getByRole('table', { name: 'Connectors' }).locator(`tr[data-connector="${connectorId}"]`);
  await expect(row).toContainText('Fleet register');
  await expect(row).toContainText('0 6 * * *');
  await expect(row).toContainText(/in \d+ (min|h)/);
  await expect(row).toContainText('failed');
  await artifactShot(page, testInfo, JOURNEY, '7-connectors-list');

  // Delete, confirmed: the list is empty again and the versions stay.
  await row.getByRole('link', { name: 'Fleet register' }).click();
  await page.getByRole('button', { name: 'Delete…' }).click();
  await page.getByRole('button', { name: 'Delete Fleet register' }).click();
  await expect(page).toHaveURL(new RegExp(`/datasets/${datasetId}/connectors$`));
  await expect(page.getByText('No connector fills this dataset')).toBeVisible();
  await expect(page.getByLabel('Current version')).toContainText('3 rows');
});

test('a Google Sheets shared link: the export of the linked spreadsheet and tab is fetched and committed', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  // scripts/e2e tells the servers that Google's CSV export lives on this loopback port.
  const port = Number(process.env.E2E_GOOGLE_DOCS_PORT);
  expect(port, 'E2E_GOOGLE_DOCS_PORT (set by scripts/e2e)').toBeGreaterThan(0);
  const spreadsheetId = `1SpiceBerths${randomWord(10)}`;
  const sheet = await CsvSource.start(`/spreadsheets/d/${spreadsheetId}/export?format=csv&gid=42`, 2_000, port);
  try {
    sheet.serve('berth,vessel,length_m\nB1,Aurora,210\nB2,Borealis,185\nB3,Cygnus,240\n');
    const datasetId = await newDatasetConnectors(page, 'berths', 'Berths');
    await page.keyboard.press('n');
    const panel = page.getByRole('dialog', { name: 'New connector' });
    await panel.getByRole('combobox', { name: 'Kind of source' }).selectOption('google-sheets-csv');
    // The link as a browser's address bar shows it: the spreadsheet and the tab (gid) come from it.
    await panel.getByLabel('Sheet link or spreadsheet id').fill(`https://docs.google.com/spreadsheets/d/${spreadsheetId}/edit#gid=42`);
    await panel.getByLabel('Name', { exact: true }).fill('Berth plan');
    await panel.getByRole('button', { name: 'Create connector' }).click();
    await expect(page).toHaveURL(new RegExp(`/datasets/${datasetId}/connectors/conn_`));
    await expect(page.getByRole('heading', { name: 'Berth plan' })).toBeVisible();
    await expect(page.getByLabel('Connector settings')).toContainText(spreadsheetId);

    await runNow(page);
    await expectRun(runRows(page).first(), 'committed', '—');
    await expect(page.getByLabel('Current version')).toContainText('3 rows × 3 columns');
    expect(sheet.requests).toHaveLength(1);
    // Unchanged: Google's export answers 304 to the ETag the last run saw.
    await runNow(page);
    await expectRun(runRows(page).first(), 'unchanged', 'not modified');
    await artifactShot(page, testInfo, JOURNEY, '8-sheets-link');
  } finally {
    await sheet.stop();
  }
});

