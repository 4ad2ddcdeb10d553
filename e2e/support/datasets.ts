import { expect, type Page } from '@playwright/test';

/** Creates a dataset from the Datasets page, as a user does; ends on its (empty) workspace. */
export async function createDataset(page: Page, datasetId: string, name: string): Promise<void> {
  await page.goto('/datasets');
  await page.getByRole('button', { name: /New dataset/ }).first().click();
  const form = page.getByRole('dialog', { name: 'New dataset' });
  await form.getByLabel('Name', { exact: true }).fill(name);
  await form.getByLabel('Id', { exact: true }).fill(datasetId);
  await form.getByRole('button', { name: 'Create dataset' }).click();
  await expect(page).toHaveURL(new RegExp(`/datasets/${datasetId}$`));
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await expect(page.getByText('No version on this branch yet')).toBeVisible();
}
