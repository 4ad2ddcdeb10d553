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
