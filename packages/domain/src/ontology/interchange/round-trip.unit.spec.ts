import { describe, expect, it } from 'vitest';
import { exportOntology } from './export-ontology';
import { importOntology } from './import-ontology';
import { applied, createdOntology, idsInOrder, richOntology } from './interchange.fixture';
import { documentEntities, INTERCHANGE_FORMATS, ontologyDocument } from './ontology-document';
import { importCommand, planImport } from './plan-import';

const rich = richOntology();
const definitions = documentEntities(ontologyDocument(rich));

describe.each(INTERCHANGE_FORMATS)('a %s export', (format) => {
  const text = exportOntology(rich, format);

  it('imports as the same definitions, every field of every entity', () => {
    const imported = importOntology(text, format);
    expect(imported.ontology).toEqual({ id: 'fleet', displayName: 'Fleet', description: 'Ships, the companies that own them and the people who crew them' });
    expect(imported.entities).toEqual(definitions);
  });

  it('applied to a new ontology, exports again as the same text, byte for byte', () => {
    const imported = importOntology(text, format);
    const fresh = createdOntology(imported.ontology!.id, imported.ontology!.displayName, imported.ontology!.description);
    const changes = planImport(fresh, imported, { mode: 'replace', newId: idsInOrder() });
    const copy = applied(fresh, importCommand(changes, format, false));
    expect(exportOntology(copy, format)).toBe(text);
  });
});

it('the rich ontology has every kind of entity (so the round trips above cover them)', () => {
  const count = (kind: string) => definitions.filter((e) => e.kind === kind).length;
  expect([count('objectType'), count('linkType'), count('interface'), count('sharedPropertyType'), count('valueType')]).toEqual([5, 4, 2, 2, 2]);
});

it('a version 1 JSON export, from before link ends had their own translations, imports in the current shape', () => {
  const current = JSON.parse(exportOntology(rich, 'json')) as { linkTypes: Record<string, unknown>[] } & Record<string, unknown>;
  const employment = current.linkTypes.find((l) => l.apiName === 'employment')!;
  const v1Employment = {
    ...employment,
    forward: { apiName: 'employees', displayName: 'Employees' },
    reverse: { apiName: 'employer', displayName: 'Employer' },
    translations: { ko: { displayName: '직원들', description: '누가 어디서 일하는지' } },
  };
  const v1 = { ...current, $schema: 'https://spice-harvester.dev/schemas/ontology/v1.json', formatVersion: 1, linkTypes: current.linkTypes.map((l) => (l === employment ? v1Employment : l)) };
  const imported = importOntology(JSON.stringify(v1), 'json').entities.find((e) => e.kind === 'linkType' && e.definition.apiName === 'employment');
  expect(imported?.definition).toMatchObject({
    forward: { apiName: 'employees', displayName: 'Employees', translations: { ko: { displayName: '직원들' } } },
    reverse: { apiName: 'employer', displayName: 'Employer', translations: {} },
    translations: { ko: { description: '누가 어디서 일하는지' } },
  });
});
