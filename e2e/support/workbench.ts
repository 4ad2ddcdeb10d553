import { expect, type Locator, type Page } from '@playwright/test';

/** Steps of the ontology workbench shared by the journeys: create an ontology, define and edit types in the UI. */

export async function createOntology(page: Page, ontologyId: string, displayName: string): Promise<void> {
  await page.goto('/ontology');
  await expect(page.getByRole('table', { name: 'Ontologies' })).toBeVisible();
  await page.getByRole('button', { name: /New ontology/ }).first().click();
  const form = page.getByRole('dialog', { name: 'New ontology' });
  await form.getByLabel('Id', { exact: true }).fill(ontologyId);
  await form.getByLabel('Display name', { exact: true }).fill(displayName);
  await form.getByRole('button', { name: 'Create ontology' }).click();
  await expect(page).toHaveURL(new RegExp(`/ontology/${ontologyId}$`));
  await expect(page.getByRole('heading', { name: displayName })).toBeVisible();
  await expect(page.getByText('Live', { exact: true })).toBeVisible();
}

/** Defines an object type from the Object types tab; ends on its page. */
export async function defineObjectType(page: Page, t: { apiName: string; displayName: string; key: string; keyType?: string }): Promise<void> {
  await page.getByRole('navigation', { name: 'Ontology sections' }).getByRole('link', { name: 'Object types' }).click();
  await page.getByRole('button', { name: /New object type/ }).first().click();
  const form = page.getByRole('dialog', { name: 'New object type' });
  await form.getByLabel('API name', { exact: true }).fill(t.apiName);
  await form.getByLabel('Display name', { exact: true }).fill(t.displayName);
  await form.getByLabel('Primary key property').fill(t.key);
  await form.getByLabel('Key type').selectOption(t.keyType ?? 'string');
  await form.getByRole('button', { name: 'Create object type' }).click();
  await expect(editForm(page, t.apiName)).toBeVisible();
}

export function editForm(page: Page, apiName: string): Locator {
  return page.getByRole('tabpanel', { name: `Edit object type ${apiName}` });
}

export interface PropertySpec {
  apiName: string;
  displayName: string;
  /** A simple type name, or a parameterised one. */
  type: string | { decimal: [number, number] } | { money: string } | { enum: string } | { array: string };
}

/** Adds a property row on the object-type page (not saved). */
export async function addProperty(page: Page, apiName: string, p: PropertySpec): Promise<void> {
  const form = editForm(page, apiName);
  const rows = form.getByRole('table', { name: 'Properties' }).locator('tbody tr[data-row]');
  const n = (await rows.count()) + 1;
  await form.getByRole('button', { name: '+ Add property' }).click();
  await form.getByLabel(`Property ${n} API name`).fill(p.apiName);
  await form.getByLabel(`Property ${n} display name`).fill(p.displayName);
  await setPropertyType(page, apiName, n, p.type);
}

export async function setPropertyType(page: Page, apiName: string, n: number, type: PropertySpec['type']): Promise<void> {
  const form = editForm(page, apiName);
  const label = `Property ${n} data type`;
  if (typeof type === 'string') return void (await form.getByLabel(label, { exact: true }).selectOption(type));
  if ('decimal' in type) {
    await form.getByLabel(label, { exact: true }).selectOption('decimal');
    await form.getByLabel(`${label} precision`).fill(String(type.decimal[0]));
    await form.getByLabel(`${label} scale`).fill(String(type.decimal[1]));
  } else if ('money' in type) {
    await form.getByLabel(label, { exact: true }).selectOption('money');
    await form.getByLabel(`${label} currency`).fill(type.money);
  } else if ('enum' in type) {
    await form.getByLabel(label, { exact: true }).selectOption('enum');
    await form.getByLabel(`${label} values`).fill(type.enum);
  } else {
    await form.getByLabel(label, { exact: true }).selectOption('array');
    await form.getByLabel(`${label} element`, { exact: true }).selectOption(type.array);
  }
}

/** Ctrl+S and wait for the save to land (the toast, then no unsaved changes left). */
export async function saveWithCtrlS(page: Page, what: string): Promise<void> {
  await page.keyboard.press('Control+s');
  await expect(page.getByText(`Saved ${what}`).last()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Unsaved changes' })).toBeHidden();
}

export async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Ontology sections' }).getByRole('link', { name, exact: true }).click();
}
