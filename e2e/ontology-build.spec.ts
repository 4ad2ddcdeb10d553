import { expect, test } from '@playwright/test';
import { signIn } from './support/sign-in';
import { randomWord } from './support/ontology-api';
import { addProperty, createOntology, defineObjectType, editForm, openTab, saveWithCtrlS, setPropertyType } from './support/workbench';

test('build an ontology in the workbench: types, keys, links, an interface, a breaking change, history, revert and undo', async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page.request);
  const word = randomWord(6);
  const ontologyId = `build-${word}`;
  await createOntology(page, ontologyId, `Build ${word}`);

  // Four object types, each with its key and typed properties.
  await defineObjectType(page, { apiName: 'Company', displayName: 'Company', key: 'companyId' });
  await addProperty(page, 'Company', { apiName: 'name', displayName: 'Name', type: 'string' });
  await addProperty(page, 'Company', { apiName: 'founded', displayName: 'Founded', type: 'date' });
  await addProperty(page, 'Company', { apiName: 'revenue', displayName: 'Revenue', type: { money: 'USD' } });
  await editForm(page, 'Company').getByLabel('Title key').selectOption('name');
  await saveWithCtrlS(page, 'object type Company');

  await defineObjectType(page, { apiName: 'Employee', displayName: 'Employee', key: 'employeeId' });
  await addProperty(page, 'Employee', { apiName: 'fullName', displayName: 'Full name', type: 'string' });
  await addProperty(page, 'Employee', { apiName: 'companyId', displayName: 'Company', type: 'string' });
  await addProperty(page, 'Employee', { apiName: 'salary', displayName: 'Salary', type: { decimal: [12, 2] } });
  await addProperty(page, 'Employee', { apiName: 'skills', displayName: 'Skills', type: { array: 'string' } });
  await saveWithCtrlS(page, 'object type Employee');

  await defineObjectType(page, { apiName: 'Project', displayName: 'Project', key: 'projectCode' });
  await addProperty(page, 'Project', { apiName: 'name', displayName: 'Name', type: 'string' });
  await addProperty(page, 'Project', { apiName: 'phase', displayName: 'Phase', type: { enum: 'planned, active, done' } });
  await saveWithCtrlS(page, 'object type Project');

  await defineObjectType(page, { apiName: 'Office', displayName: 'Office', key: 'officeNumber', keyType: 'long' });
  await addProperty(page, 'Office', { apiName: 'location', displayName: 'Location', type: 'geopoint' });
  await saveWithCtrlS(page, 'object type Office');

  // Three link types of different cardinalities, one with its ends named in Korean too.
  const links: { apiName: string; source: string; target: string; cardinality: string; forward: string; reverse: string; foreignKey?: string; ko?: [string, string] }[] = [
    { apiName: 'employment', source: 'Company', target: 'Employee', cardinality: 'one-to-many', forward: 'employees', reverse: 'employer', foreignKey: 'companyId', ko: ['직원들', '고용주'] },
    { apiName: 'staffing', source: 'Employee', target: 'Project', cardinality: 'many-to-many', forward: 'projects', reverse: 'members' },
    { apiName: 'headquarters', source: 'Company', target: 'Office', cardinality: 'one-to-one', forward: 'headOffice', reverse: 'company' },
  ];
  for (const l of links) {
    await openTab(page, 'Link types');
    await page.getByRole('button', { name: /New link type/ }).first().click();
    const form = page.getByRole('dialog', { name: 'New link type' });
    await form.getByLabel('API name', { exact: true }).fill(l.apiName);
    await form.getByLabel('Source object type').selectOption(l.source);
    await form.getByLabel('Target object type').selectOption(l.target);
    await form.getByLabel('Cardinality').selectOption(l.cardinality);
    await form.getByLabel('Forward API name').fill(l.forward);
    await form.getByLabel('Forward display name', { exact: true }).fill(l.forward);
    await form.getByLabel('Reverse API name').fill(l.reverse);
    await form.getByLabel('Reverse display name', { exact: true }).fill(l.reverse);
    if (l.ko) {
      await form.getByLabel('Forward display name (ko)').fill(l.ko[0]);
      await form.getByLabel('Reverse display name (ko)').fill(l.ko[1]);
    }
    if (l.foreignKey) {
      await form.getByLabel('Relationship', { exact: true }).selectOption('foreignKey');
      await form.getByLabel('Foreign key object type').selectOption(l.target);
      await form.getByLabel('Foreign key property').selectOption(l.foreignKey);
    }
    await form.getByRole('button', { name: 'Create link type' }).click();
    const editor = page.getByRole('tabpanel', { name: `Edit link type ${l.apiName}` });
    await expect(editor).toBeVisible();
    if (l.ko) {
      await expect(editor.getByLabel('Forward display name', { exact: true })).toHaveValue(l.forward);
      await expect(editor.getByLabel('Forward display name (ko)')).toHaveValue(l.ko[0]);
      await expect(editor.getByLabel('Reverse display name (ko)')).toHaveValue(l.ko[1]);
    }
  }
  await openTab(page, 'Link types');
  const linkTable = page.getByRole('table', { name: 'Link types' });
  for (const l of links) await expect(linkTable.getByRole('row').filter({ hasText: l.apiName })).toContainText(l.cardinality);

  // An interface, implemented by two types.
  await openTab(page, 'Interfaces');
  await page.getByRole('button', { name: /New interface/ }).first().click();
  const newInterface = page.getByRole('dialog', { name: 'New interface' });
  await newInterface.getByLabel('API name', { exact: true }).fill('Named');
  await newInterface.getByLabel('Display name', { exact: true }).fill('Named thing');
  await newInterface.getByRole('button', { name: '+ Add property' }).click();
  await newInterface.getByLabel('Interface property 1 API name').fill('name');
  await newInterface.getByRole('button', { name: 'Create interface' }).click();
  await expect(page.getByRole('tabpanel', { name: 'Edit interface Named' })).toBeVisible();
  for (const implementer of ['Company', 'Project']) {
    await openTab(page, 'Object types');
    await page.getByRole('table', { name: 'Object types' }).getByRole('row').filter({ hasText: implementer }).first().click();
    await editForm(page, implementer).getByLabel('Add interface').selectOption('Named');
    await saveWithCtrlS(page, `object type ${implementer}`);
  }
  await openTab(page, 'Interfaces');
  await expect(page.getByRole('table', { name: 'Interfaces' }).getByRole('row').filter({ hasText: 'Named' }).getByRole('cell').last()).toHaveText('2');

  // The Company page lists its links from its own side.
  await openTab(page, 'Object types');
  await page.getByRole('table', { name: 'Object types' }).getByRole('row').filter({ hasText: 'Company' }).first().click();
  const companyLinks = page.getByRole('list', { name: 'Links' });
  await expect(companyLinks).toContainText('employees');
  await expect(companyLinks).toContainText('headOffice');

  // Deprecating a type needs a replacement, picked from the types that are not deprecated.
  await openTab(page, 'Object types');
  await page.getByRole('table', { name: 'Object types' }).getByRole('row').filter({ hasText: 'Office' }).first().click();
  const office = editForm(page, 'Office');
  await office.getByLabel('Status').selectOption('deprecated');
  await office.getByLabel('Reason').fill('Offices are now sites of a company');
  await office.getByLabel('Deadline').fill('2030-06-30');
  await page.keyboard.press('Control+s');
  await expect(office.getByText('name the object type that replaces this one')).toBeVisible();
  await expect(office.getByLabel('Replacement').getByRole('option')).toHaveText(['choose…', 'Company', 'Employee', 'Project']);
  await office.getByLabel('Replacement').selectOption('Company');
  await saveWithCtrlS(page, 'object type Office');

  // A narrowing type change is flagged in the row, and the server's breaking-change answer needs a yes.
  await openTab(page, 'Object types');
  await page.getByRole('table', { name: 'Object types' }).getByRole('row').filter({ hasText: 'Employee' }).first().click();
  const employee = editForm(page, 'Employee');
  await setPropertyType(page, 'Employee', 4, 'integer');
  await expect(employee.getByRole('note').filter({ hasText: 'decimal(12,2) → integer' })).toBeVisible();
  await page.keyboard.press('Control+s');
  const breaking = page.getByRole('alertdialog', { name: 'This is a breaking change' });
  await expect(breaking).toBeVisible();
  await expect(breaking).toContainText('salary');
  await breaking.getByRole('button', { name: 'Apply breaking change' }).click();
  await expect(page.getByText('Saved object type Employee').last()).toBeVisible();
  await expect(employee.getByLabel('Property 4 data type', { exact: true })).toHaveValue('integer');

  // History shows the change readably, with its breaking note; revert to the version before it.
  await page.getByRole('tab', { name: 'History' }).click();
  const versions = page.getByRole('list', { name: 'Versions' });
  const typeChange = versions.getByRole('listitem').filter({ hasText: 'decimal(12,2)' }).first();
  await expect(typeChange).toContainText('properties › salary › dataType');
  await expect(typeChange).toContainText('integer');
  await expect(typeChange).toContainText('Breaking');
  await expect(typeChange).toContainText('e2e@spice.local');
  const previous = versions.getByRole('listitem').nth(1);
  await previous.getByRole('button', { name: 'Revert to this version' }).click();
  await expect(page.getByText(/Reverted to version \d+/)).toBeVisible();
  await expect(versions.getByRole('listitem').first()).toContainText(/revert to v\d+/);
  await page.getByRole('tab', { name: 'Definition' }).click();
  await expect(employee.getByLabel('Property 4 data type', { exact: true })).toHaveValue('decimal');
  await expect(employee.getByLabel('Property 4 data type precision')).toHaveValue('12');

  // Undo: Ctrl+Z after a save takes the change back.
  await employee.getByLabel('Description', { exact: true }).fill('People on the payroll');
  await saveWithCtrlS(page, 'object type Employee');
  await expect(employee.getByLabel('Description', { exact: true })).toHaveValue('People on the payroll');
  await page.keyboard.press('Control+z');
  await expect(page.getByText('Undone', { exact: true })).toBeVisible();
  await expect(employee.getByLabel('Description', { exact: true })).toHaveValue('');

  await page.getByRole('table', { name: 'Properties' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('object-type-page.png'), fullPage: true });
  await test.info().attach('object-type-page', { path: test.info().outputPath('object-type-page.png'), contentType: 'image/png' });
});
