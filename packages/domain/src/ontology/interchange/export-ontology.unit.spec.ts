import { describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/errors';
import { DEFINITION_SCHEMAS, type EntityKind } from '../model/definitions';
import { initialOntologyState } from '../ontology.state';
import { exportOntology } from './export-ontology';
import { importOntology } from './import-ontology';
import { applied, createdOntology, RICH_DEFINITIONS, richOntology } from './interchange.fixture';
import { INTERCHANGE_FORMATS, ONTOLOGY_DOCUMENT_SCHEMA } from './ontology-document';

/** The rich ontology's entities defined one command each, in the opposite order and with other ids. */
function richOntologyBuiltBackwards() {
  const kinds = (Object.keys(RICH_DEFINITIONS) as EntityKind[]).reverse();
  const all = kinds.flatMap((kind) => [...RICH_DEFINITIONS[kind]].reverse().map((input, i) => ({ kind, id: `${kind}-${i}`, definition: DEFINITION_SCHEMAS[kind].parse(input) })));
  // Everything at once: entities refer to each other in both directions.
  return applied(createdOntology(), {
    type: 'ApplyChanges',
    data: { changes: all.map((e) => ({ op: 'define' as const, ...e })), acknowledgeBreakingChanges: false, origin: { kind: 'edit' } },
  });
}

describe('exportOntology', () => {
  it.each(INTERCHANGE_FORMATS)('gives the same %s text whatever order and ids the entities were made with', (format) => {
    expect(exportOntology(richOntologyBuiltBackwards(), format)).toBe(exportOntology(richOntology(), format));
  });

  it('writes our versioned JSON schema, each kind sorted by apiName', () => {
    const document = JSON.parse(exportOntology(richOntology(), 'json')) as Record<string, unknown>;
    expect(Object.keys(document)).toEqual(['$schema', 'formatVersion', 'ontology', 'objectTypes', 'linkTypes', 'interfaces', 'sharedPropertyTypes', 'valueTypes']);
    expect(document.$schema).toBe(ONTOLOGY_DOCUMENT_SCHEMA);
    expect((document.objectTypes as { apiName: string }[]).map((o) => o.apiName)).toEqual(['Company', 'Contractor', 'Employee', 'Project', 'Vessel']);
  });

  it('leaves deleted entities out', () => {
    const withoutProject = applied(richOntology(), {
      type: 'ApplyChanges',
      data: {
        changes: [
          { op: 'delete', kind: 'linkType', id: 'lt_2', expectedSeq: null },
          { op: 'delete', kind: 'objectType', id: 'ot_4', expectedSeq: null },
        ],
        acknowledgeBreakingChanges: false,
        origin: { kind: 'edit' },
      },
    });
    const names = importOntology(exportOntology(withoutProject, 'turtle'), 'turtle').entities.map((e) => e.definition.apiName);
    expect(names).not.toContain('Project');
    expect(names).not.toContain('projectAssignment');
    expect(names).toHaveLength(13);
  });

  it('names entities in the namespace it is given', () => {
    const turtle = exportOntology(richOntology(), 'turtle', { baseIri: 'https://data.example.com/fleet/' });
    expect(turtle).toContain('@prefix fleet: <https://data.example.com/fleet/>.');
    expect(turtle).toContain('fleet:Company a owl:Class');
    expect(importOntology(turtle, 'turtle').entities).toEqual(importOntology(exportOntology(richOntology(), 'turtle'), 'turtle').entities);
  });

  it('keeps translations marked English, which language tags alone could not tell from the main texts', () => {
    const state = applied(createdOntology(), {
      type: 'ApplyChanges',
      data: {
        changes: [
          {
            op: 'define',
            kind: 'objectType',
            id: 'ot_1',
            definition: DEFINITION_SCHEMAS.objectType.parse({ apiName: 'Lorry', displayName: 'Lorry', translations: { 'en-US': { displayName: 'Truck' }, ko: { displayName: '트럭' } } }),
          },
        ],
        acknowledgeBreakingChanges: false,
        origin: { kind: 'edit' },
      },
    });
    for (const format of ['jsonld', 'turtle'] as const) {
      const [lorry] = importOntology(exportOntology(state, format), format).entities;
      expect(lorry?.definition.translations).toEqual({ 'en-US': { displayName: 'Truck' }, ko: { displayName: '트럭' } });
    }
  });

  it('labels each direction of a link in its languages: the forward end names the targets, the reverse end the sources', () => {
    const turtle = exportOntology(richOntology(), 'turtle');
    expect(turtle).toContain('rdfs:label "Employees"@en, "직원들"@ko, "Funcionários"@pt-br;\n    rdfs:comment "Who works where"@en, "누가 어디서 일하는지"@ko;');
    expect(turtle).toContain('owl:inverseOf fleet:Company.employees;\n    sh:apiName "employer";\n    rdfs:label "Employer"@en, "고용주"@ko;');
    const jsonld = JSON.parse(exportOntology(richOntology(), 'jsonld')) as { '@graph': { '@id': string; label?: unknown }[] };
    const label = (id: string) => jsonld['@graph'].find((n) => n['@id'] === id)?.label;
    expect([label('fleet:Employee.projects'), label('fleet:Project.members')]).toEqual([
      { en: 'Projects', ko: '프로젝트' },
      { en: 'Members', ko: '구성원' },
    ]);
  });

  it('refuses an ontology that does not exist', () => {
    expect(() => exportOntology(initialOntologyState, 'json')).toThrow(DomainError);
  });
});
