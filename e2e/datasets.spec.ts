import { expect, test, type Page, type TestInfo } from '@playwright/test';
import iconv from 'iconv-lite';
import { createDataset } from './support/datasets';
import { randomWord } from './support/ontology-api';
import { signIn } from './support/sign-in';

/**
 * Datasets in the workbench: a Korean CSV in CP949 goes in by drag and drop, its inferred schema is corrected
 * before the commit, a changed file lands on a branch, the two versions are diffed by key and profiled. And a
 * file with ragged rows is refused with its report, committing nothing.
 */

interface Member {
  readonly id: number;
  readonly name: string;
  readonly city: string;
  readonly amount: number;
  /** Day and month both ≤ 12, so the day/month order is ambiguous and the reviewer must choose it. */
  readonly joined: string;
  readonly active: boolean;
}

const NAMES = ['김민준', '이서연', '박지훈', '최수아', '정예준', '강하은', '조도윤', '윤지우', '장서준', '임하윤'];
const CITIES = ['서울', '부산', '인천', '대구', '광주', '대전'];

const members: Member[] = Array.from({ length: 30 }, (_, i) => ({
  id: 1001 + i,
  name: `${NAMES[i % NAMES.length]}${i >= NAMES.length ? Math.floor(i / NAMES.length) + 1 : ''}`,
  city: CITIES[(i * 7) % CITIES.length]!,
  amount: 1_000 + ((i * 7_919) % 200) * 500,
  joined: `${String((i % 12) + 1).padStart(2, '0')}/${String(((i * 5) % 12) + 1).padStart(2, '0')}/2024`,
  active: i % 3 !== 1,
}));

/** CP949 has the full-width won sign (￦, from KS X 1001) rather than U+20A9, so that is what Korean files carry. */
const won = (n: number) => `"￦${n.toLocaleString('en-US')}"`;

/** The members as a CSV in CP949, the way Korean Excel saves it (with CRLF line ends). */
function cp949Csv(rows: readonly Member[]): Buffer {
  const lines = ['회원번호,이름,도시,금액,가입일,활성', ...rows.map((m) => [m.id, m.name, m.city, won(m.amount), m.joined, m.active ? '예' : '아니오'].join(','))];
  return iconv.encode(`${lines.join('\r\n')}\r\n`, 'cp949');
}

async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: false });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** Drops a file on the upload panel's drop zone, as a user dragging it from their desktop. */
async function dropFile(page: Page, fileName: string, bytes: Buffer): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ data, name }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], name, { type: 'text/csv' }));
      return transfer;
    },
    { data: [...bytes], name: fileName },
  );
  const zone = page.getByRole('group', { name: 'Drop zone' });
  await zone.dispatchEvent('dragover', { dataTransfer });
  await zone.dispatchEvent('drop', { dataTransfer });
}

/** On the review page: settles the ambiguous date and makes 회원번호 text (codes, not quantities). */
async function reviewMemberSchema(page: Page): Promise<void> {
  await expect(page.getByLabel('Ingest phase')).toContainText('awaiting review');
  const schema = page.getByRole('table', { name: 'Proposed schema' });
  await expect(schema).toBeVisible();
  // What inference proposed, before the corrections.
  await expect(schema.getByLabel('Type of 금액', { exact: true })).toHaveValue('money');
  await expect(schema.getByLabel('Type of 금액 currency')).toHaveValue('KRW');
  await expect(schema.getByLabel('Type of 활성', { exact: true })).toHaveValue('boolean');
  await expect(schema.getByLabel('Type of 회원번호', { exact: true })).toHaveValue(/^(integer|long)$/);
  // 01/02/2024 reads both ways: inference asks instead of guessing.
  await schema.getByLabel('Date pattern for 가입일').selectOption('dd/MM/yyyy');
  await expect(schema.getByLabel('Type of 가입일', { exact: true })).toHaveValue('date');
  await schema.getByLabel('Type of 회원번호', { exact: true }).selectOption('string');
  await expect(schema.locator('tr[data-column="회원번호"]')).toContainText('overridden');
  await expect(page.getByRole('form', { name: 'Commit' })).toContainText('2 columns overridden');
}

async function commitReview(page: Page, message: string): Promise<void> {
  await page.getByLabel('Commit message').fill(message);
  await page.getByRole('form', { name: 'Commit' }).getByRole('button', { name: /Commit/ }).click();
}

test('a CP949 CSV with Korean headers: upload, correct the schema, commit, branch, diff and profile', async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  await signIn(page.request);
  const word = randomWord(6);
  const datasetId = `members-${word}`;
  await createDataset(page, datasetId, `Members ${word}`);

  // Upload v1 by drag and drop: `u` opens the panel.
  await page.getByRole('heading', { name: `Members ${word}` }).click();
  await page.keyboard.press('u');
  const panel = page.getByRole('dialog', { name: 'Upload a file' });
  await expect(panel).toBeVisible();
  await dropFile(page, 'members-2024.csv', cp949Csv(members));
  await expect(panel.getByRole('group', { name: 'Drop zone' })).toContainText('members-2024.csv');
  await panel.getByRole('button', { name: 'Upload', exact: true }).click();

  // The review: detected layout, read report, and the proposed schema corrected.
  await expect(page).toHaveURL(new RegExp(`/datasets/${datasetId}/ingests/`));
  const layout = page.getByRole('definition').filter({ hasText: /cp949|euc-kr/i });
  await expect(layout).toBeVisible();
  await expect(page.getByLabel('Read summary')).toContainText('30');
  await reviewMemberSchema(page);
  await shot(page, testInfo, 'review');

  // A wrong override is caught at commit: names are not integers. The values are listed and nothing is committed.
  await page.getByLabel('Type of 이름', { exact: true }).selectOption('integer');
  await commitReview(page, 'Members as exported in January');
  const badValues = page.getByRole('region', { name: 'Bad values' });
  await expect(badValues).toContainText('nothing was committed');
  await expect(badValues.getByRole('table', { name: 'Values that do not fit' }).getByRole('row').filter({ hasText: '이름' }).first()).toContainText('1');
  await page.locator('tr[data-column="이름"]').getByRole('button', { name: 'reset' }).click();
  await expect(page.getByLabel('Type of 이름', { exact: true })).toHaveValue('string');
  await commitReview(page, 'Members as exported in January');

  // The dataset page shows the new version: rows in the grid, types in the headers.
  await expect(page).toHaveURL(new RegExp(`/datasets/${datasetId}$`));
  const grid = page.getByRole('grid', { name: 'Rows' });
  await expect(grid.getByRole('gridcell', { name: '김민준', exact: true })).toBeVisible();
  await expect(grid.getByRole('columnheader', { name: /금액/ })).toContainText('money(KRW)');
  await expect(grid.getByRole('columnheader', { name: /회원번호/ })).toContainText('string');
  await expect(page.getByLabel('Row count')).toHaveText('30 rows');
  // Sorting by a header puts the largest amount first.
  await grid.getByRole('button', { name: /금액/ }).click();
  await grid.getByRole('button', { name: /금액/ }).click();
  await expect(grid.getByRole('columnheader', { name: /금액/ })).toHaveAttribute('aria-sort', 'descending');
  const largest = Math.max(...members.map((m) => m.amount));
  await expect(grid.getByRole('row').nth(1).getByRole('gridcell').nth(3)).toContainText(String(largest).slice(0, 2));
  await shot(page, testInfo, 'preview');

  // A branch (g b), and a changed file on it: 1003's amount changed, 1031 added, 1005 removed.
  await page.keyboard.press('g');
  await page.keyboard.press('b');
  await expect(page.getByRole('table', { name: 'Branches' })).toBeVisible();
  await page.getByRole('button', { name: /New branch/ }).click();
  const newBranch = page.getByRole('dialog', { name: 'New branch' });
  await newBranch.getByLabel('Branch name').fill('update-1');
  await newBranch.getByRole('button', { name: 'Create branch' }).click();
  await expect(page).toHaveURL(/ref=update-1/);
  await expect(page.getByLabel('Branch', { exact: true })).toHaveValue('update-1');

  const changed = members
    .filter((m) => m.id !== 1005)
    .map((m) => (m.id === 1003 ? { ...m, amount: m.amount + 250 } : m))
    .concat({ id: 1031, name: '한지민', city: '수원', amount: 77_000, joined: '07/08/2024', active: true });
  await page.getByRole('button', { name: /^Upload/ }).first().click();
  await expect(panel.getByLabel('Branch', { exact: true })).toHaveValue('update-1');
  await panel.getByLabel('File to upload').setInputFiles({ name: 'members-2024-02.csv', mimeType: 'text/csv', buffer: cp949Csv(changed) });
  await panel.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/datasets/${datasetId}/ingests/`));
  await reviewMemberSchema(page);
  await commitReview(page, 'February: one changed, one joined, one left');
  await expect(page).toHaveURL(new RegExp(`/datasets/${datasetId}\\?ref=update-1$`));
  await expect(page.getByRole('grid', { name: 'Rows' }).getByRole('gridcell', { name: '한지민', exact: true })).toBeVisible();

  // History of the branch: both versions; compare them by key.
  await page.keyboard.press('g');
  await page.keyboard.press('h');
  const versions = page.getByRole('table', { name: 'Versions' });
  await expect(versions.getByRole('row')).toHaveCount(3);
  await versions.getByLabel('Select v1').check();
  await versions.getByLabel('Select v2').check();
  await page.getByRole('button', { name: /Compare selected/ }).click();
  await expect(page).toHaveURL(new RegExp(`/datasets/${datasetId}/diff\\?`));
  await page.getByLabel('Key 회원번호').check();
  await page.getByRole('form', { name: 'Compare versions' }).getByRole('button', { name: 'Compare' }).click();
  await expect(page).toHaveURL(/key=/);
  await expect(page.getByText('Compared by key 회원번호.')).toBeVisible();
  const counts = page.getByRole('region', { name: 'Row changes' });
  const count = (name: string) => counts.getByLabel(`${name} rows`, { exact: true }).locator('[data-count]');
  await expect(count('Added')).toHaveAttribute('data-count', '1');
  await expect(count('Removed')).toHaveAttribute('data-count', '1');
  await expect(count('Changed')).toHaveAttribute('data-count', '1');
  await expect(count('Unchanged')).toHaveAttribute('data-count', '28');
  await expect(page.getByRole('table', { name: 'Added rows' })).toContainText('한지민');
  await expect(page.getByRole('table', { name: 'Removed rows' })).toContainText('1005');
  await expect(page.getByRole('table', { name: 'Changed rows' })).toContainText('1003');
  await shot(page, testInfo, 'diff');

  // The profile's charts: a histogram of amounts, top values of cities.
  await page.getByRole('navigation', { name: 'Dataset sections' }).getByRole('link', { name: /Profile/ }).click();
  const amounts = page.getByRole('img', { name: 'Histogram of 금액' });
  await expect(amounts).toBeVisible();
  expect(await amounts.locator('rect[data-bar]').count()).toBeGreaterThan(1);
  const cities = page.getByRole('img', { name: 'Top values of 도시' });
  await expect(cities).toBeVisible();
  await expect(cities).toContainText('서울');
  await expect(page.getByRole('article', { name: 'Profile of 가입일' }).getByRole('img')).toBeVisible();
  await shot(page, testInfo, 'profile');
});

test('a CSV with ragged rows is refused with a report naming the lines, and nothing is committed', async ({ page }, testInfo) => {
  await signIn(page.request);
  const word = randomWord(6);
  const datasetId = `ragged-${word}`;
  await createDataset(page, datasetId, `Ragged ${word}`);

  const csv = ['id,name,score', '1,Ada,90', '2,Grace,85,extra', '3,Linus,70', '4,Barbara'].join('\n') + '\n';
  await page.getByRole('button', { name: /^Upload/ }).first().click();
  const panel = page.getByRole('dialog', { name: 'Upload a file' });
  await panel.getByLabel('File to upload').setInputFiles({ name: 'scores.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await panel.getByRole('button', { name: 'Upload', exact: true }).click();

  await expect(page).toHaveURL(new RegExp(`/datasets/${datasetId}/ingests/`));
  await expect(page.getByLabel('Ingest phase')).toContainText('failed');
  const failure = page.getByRole('region', { name: 'Read failure' });
  await expect(failure).toContainText('nothing was committed');
  const problems = failure.getByRole('table', { name: 'Read problems' });
  await expect(problems.getByRole('row').filter({ hasText: 'ragged-row' }).first()).toBeVisible();
  // Line 3 has a field too many; line 5 one too few.
  await expect(problems.getByRole('row').filter({ hasText: 'ragged-row' }).filter({ has: page.getByRole('cell', { name: '3', exact: true }) })).toHaveCount(1);
  await expect(page.getByRole('form', { name: 'Commit' })).toHaveCount(0);
  await shot(page, testInfo, 'ragged-report');

  // Nothing was committed: no version, and the upload is listed as failed.
  await page.getByRole('navigation', { name: 'Dataset sections' }).getByRole('link', { name: /History/ }).click();
  await expect(page.getByText('No versions yet')).toBeVisible();
  // Opened by address: a tab click made while the History tab is still settling can be dropped by the router.
  await page.goto(`/datasets/${datasetId}/uploads`);
  await expect(page.getByRole('table', { name: 'Uploads' }).getByRole('row').filter({ hasText: 'scores.csv' })).toContainText('failed');
});
