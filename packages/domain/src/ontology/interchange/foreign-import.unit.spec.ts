import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { describeDataType } from '../model/data-type';
import type { LinkTypeDefinition } from '../model/definitions';
import { LIBRARY_JSONLD, LIBRARY_TURTLE } from './foreign-ontology.fixture';
import { importOntology } from './import-ontology';
import { applied, createdOntology, idsInOrder } from './interchange.fixture';
import type { ImportedOntology } from './ontology-document';
import { importCommand, planImport } from './plan-import';

/** Each object type as `Name: property type, …` with its Korean name: what the import made, at a glance. */
function objectTypes(imported: ImportedOntology): string[] {
  return imported.entities.flatMap((e) =>
    e.kind === 'objectType'
      ? [`${e.definition.apiName} "${e.definition.displayName}"/${e.definition.translations.ko?.displayName ?? '-'}: ${e.definition.properties.map((p) => `${p.apiName} "${p.displayName}" ${describeDataType(p.dataType)}`).join(', ')}`]
      : [],
  );
}

const linkTypes = (imported: ImportedOntology) => imported.entities.flatMap((e) => (e.kind === 'linkType' ? [e.definition] : []));

/** An end is [apiName, display name] or [apiName, display name, Korean display name]. */
type End = [string, string] | [string, string, string];
const end = ([apiName, displayName, ko]: End) => ({ apiName, displayName, translations: ko === undefined ? {} : { ko: { displayName: ko } } });
const link = (apiName: string, source: string, target: string, cardinality: LinkTypeDefinition['cardinality'], forward: End, reverse: End) => ({
  apiName,
  description: '',
  sourceObjectType: source,
  targetObjectType: target,
  cardinality,
  forward: end(forward),
  reverse: end(reverse),
  relationship: null,
  status: 'experimental',
  translations: {},
});

const refuseRemote = async (url: string): Promise<never> => {
  throw new Error(`test documents are local; refusing to fetch ${url}`);
};

describe('a JSON-LD ontology written elsewhere', () => {
  const imported = importOntology(LIBRARY_JSONLD, 'jsonld');

  it('gives object types from its classes, with properties from the datatype properties whose domain they are', () => {
    expect(imported.ontology).toEqual({ id: 'library', displayName: 'Library', description: 'Books, who wrote them and where they are kept' });
    expect(objectTypes(imported)).toEqual([
      'Book "Book"/책: titleValue "Title" string, isbn "ISBN" string, pageCount "Page count" long, price "Price" decimal(38,18), published "Published" date, inPrint "In print" boolean, rating "Rating" double',
      'Library "Library"/-: name "Name" string',
      'Person "Person"/사람: name "Name" string, birthDate "Birth date" date, homepage "Homepage" url',
      'PublishingHouse "Publishing house"/-: ',
    ]);
    const book = imported.entities.find((e) => e.kind === 'objectType' && e.definition.apiName === 'Book');
    expect(book?.kind === 'objectType' && [book.definition.description, book.definition.properties[0]!.translations]).toEqual(['A published work', { ko: { displayName: '제목' } }]);
  });

  it('gives link types from its object properties: inverse pairs are one link, functional sides are the "one" end, each named in its languages', () => {
    expect(linkTypes(imported)).toEqual([
      link('author', 'Book', 'Person', 'many-to-many', ['author', 'Author', '저자'], ['wrote', 'Wrote', '저서']),
      // heldBy names one library per book: so a library holds many books.
      link('heldBy', 'Library', 'Book', 'one-to-many', ['heldByInverse', 'Held by (inverse)'], ['heldBy', 'Held by']),
      link('publisher', 'PublishingHouse', 'Book', 'one-to-many', ['publishes', 'Publishes'], ['publisher', 'Publisher']),
      link('spouse', 'Person', 'Person', 'one-to-one', ['spouse', 'Spouse'], ['spouseInverse', 'Spouse (inverse)']),
    ]);
  });

  it('makes a datatype property with no domain a shared property type', () => {
    expect(imported.entities.filter((e) => e.kind === 'sharedPropertyType').map((e) => e.definition)).toEqual([
      { apiName: 'lastModified', displayName: 'Last modified', description: '', dataType: 'timestamp', constraints: {}, translations: {} },
    ]);
  });

  it('is a valid ontology once applied', () => {
    const fresh = createdOntology('library', 'Library');
    const next = applied(fresh, importCommand(planImport(fresh, imported, { mode: 'merge', newId: idsInOrder() }), 'jsonld', false));
    expect([...next.entities.objectType.values()].map((e) => e.definition.apiName)).toEqual(['Book', 'Library', 'Person', 'PublishingHouse']);
    expect(next.entities.linkType.size).toBe(4);
  });

  it('reads the same from its expanded form', async () => {
    const expanded = await jsonld.expand(JSON.parse(LIBRARY_JSONLD) as jsonld.JsonLdDocument, { documentLoader: refuseRemote });
    expect(importOntology(JSON.stringify(expanded), 'jsonld')).toEqual(imported);
  });

  it('reads the same from Turtle', () => {
    const fromTurtle = importOntology(LIBRARY_TURTLE, 'turtle');
    expect(objectTypes(fromTurtle)).toEqual(['Book "Book"/책: titleValue "Title" string, pageCount "Page count" long', 'Person "Person"/사람: ']);
    expect(linkTypes(fromTurtle)).toEqual([link('author', 'Book', 'Person', 'many-to-many', ['author', 'Author', '저자'], ['wrote', 'Wrote', '저서'])]);
  });
});
