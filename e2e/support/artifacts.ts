import { fileURLToPath } from 'node:url';
import type { Page, TestInfo } from '@playwright/test';

/** e2e/artifacts/: kept between runs (Playwright empties test-results/ when it starts), so the shots can be looked at later. */
const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));

/** A screenshot of the viewport to e2e/artifacts/<journey>/<name>.png, also attached to the test's report. */
export async function artifactShot(page: Page, testInfo: TestInfo, journey: string, name: string): Promise<void> {
  const path = `${ARTIFACTS}${journey}/${name}.png`;
  await page.screenshot({ path, fullPage: false });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}
