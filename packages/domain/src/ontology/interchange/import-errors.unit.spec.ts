import { describe, expect, it } from 'vitest';
import { DomainError, type FieldIssue } from '../../shared/errors';
import { exportOntology } from './export-ontology';
import { importOntology } from './import-ontology';
import { IMPORT_INVALID } from './import-issues';
import { richOntology } from './interchange.fixture';
import type { InterchangeFormat } from './ontology-document';

/** The issues an import is refused with (it must be refused). */
function refused(text: string, format: InterchangeFormat): readonly FieldIssue[] {
  try {
    importOntology(text, format);
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe(IMPORT_INVALID);
    expect((e as DomainError).context).toEqual({ format });
    return (e as DomainError).issues;
  }
  throw new Error('the import was accepted');
}

const lib = (graph: unknown[]) =>
  JSON.stringify({
    '@context': { rdfs: 'http://www.w3.org/2000/01/rdf-schema#', owl: 'http://www.w3.org/2002/07/owl#', xsd: 'http://www.w3.org/2001/XMLSchema#', lib: 'http://example.org/library#' },
    '@graph': [
      { '@id': 'lib:Book', '@type': 'owl:Class' },
      { '@id': 'lib:Person', '@type': 'owl:Class' },
      ...graph,
    ],
  });

const RANGES =
  'use one of xsd:string, xsd:normalizedString, xsd:token, xsd:language, xsd:Name, xsd:NCName, rdfs:Literal, rdf:langString, xsd:int, xsd:short, xsd:byte, xsd:unsignedShort, xsd:unsignedByte, xsd:long, xsd:integer, xsd:nonNegativeInteger, xsd:positiveInteger, xsd:nonPositiveInteger, xsd:negativeInteger, xsd:unsignedInt, xsd:double, xsd:float, xsd:decimal, xsd:boolean, xsd:date, xsd:dateTime, xsd:dateTimeStamp, xsd:anyURI';

describe('our JSON format', () => {
  const valid = JSON.parse(exportOntology(richOntology(), 'json')) as Record<string, unknown> & { objectTypes: Record<string, unknown>[] };

  it('refuses text that is not JSON', () => {
    expect(refused('{ "formatVersion": 1,', 'json')).toEqual([{ path: '(root)', rule: 'json', message: expect.stringMatching(/^not valid JSON: /) as string }]);
  });

  it('refuses a format version it does not read, before looking at the rest', () => {
    expect(refused(JSON.stringify({ ...valid, formatVersion: 3, objectTypes: 'changed in version 3' }), 'json')).toEqual([
      { path: 'formatVersion', rule: 'format-version', message: 'format version 3 is not supported; this version reads format versions 1 and 2' },
    ]);
    expect(refused(JSON.stringify({ ontology: valid.ontology }), 'json')).toEqual([
      { path: 'formatVersion', rule: 'format-version', message: 'required: the version of the export format (2)' },
    ]);
  });

  it('names the JSON path of each invalid field', () => {
    const [company, ...others] = valid.objectTypes;
    const broken = {
      ...valid,
      objectTypes: [{ ...company, color: 'blue', properties: [{ apiName: 'x', displayName: 'X', dataType: 'money' }] }, ...others],
      surprise: true,
    };
    expect(refused(JSON.stringify(broken), 'json')).toEqual([
      { path: 'objectTypes.0.color', rule: 'invalid_format', message: 'a hex colour such as #3366ff' },
      { path: 'objectTypes.0.properties.0.dataType', rule: 'invalid_union', message: expect.stringContaining('"money"') as string },
      { path: '(root)', rule: 'unrecognized_keys', message: 'Unrecognized key: "surprise"' },
    ]);
  });

  it('refuses two entities of a kind with one apiName', () => {
    const shouting = { ...valid.objectTypes[0], apiName: 'COMPANY' };
    expect(refused(JSON.stringify({ ...valid, objectTypes: [...valid.objectTypes, shouting] }), 'json')).toEqual([
      { path: 'objectTypes.5.apiName', rule: 'unique', message: 'the apiName "COMPANY" is already used by objectTypes.0.apiName' },
    ]);
  });
});

describe('JSON-LD and Turtle', () => {
  it('refuses a property whose range is not an XSD type we map, naming the subject and predicate', () => {
    const loan = { '@id': 'lib:loanPeriod', '@type': 'owl:DatatypeProperty', 'rdfs:domain': { '@id': 'lib:Book' }, 'rdfs:range': { '@id': 'xsd:duration' } };
    expect(refused(lib([loan]), 'jsonld')).toEqual([
      { path: 'http://example.org/library#loanPeriod rdfs:range', rule: 'xsd-range', message: `xsd:duration is not a datatype we can map; ${RANGES}` },
    ]);
  });

  it('refuses an object property whose domain class the document does not describe', () => {
    const borrowedBy = { '@id': 'lib:borrowedBy', '@type': 'owl:ObjectProperty', 'rdfs:domain': { '@id': 'lib:Member' }, 'rdfs:range': { '@id': 'lib:Book' } };
    expect(refused(lib([borrowedBy]), 'jsonld')).toEqual([
      { path: 'http://example.org/library#borrowedBy rdfs:domain', rule: 'missing-class', message: 'http://example.org/library#Member is not a class described in this document' },
    ]);
  });

  it('refuses an object property with no ends to become a link type', () => {
    expect(refused(lib([{ '@id': 'lib:relatedTo', '@type': 'owl:ObjectProperty' }]), 'jsonld')).toEqual([
      {
        path: 'http://example.org/library#relatedTo',
        rule: 'link-ends',
        message: 'an object property needs an rdfs:domain and an rdfs:range (or an owl:inverseOf that has them) to become a link type',
      },
    ]);
  });

  it('never fetches a remote @context', () => {
    const remote = JSON.stringify({ '@context': ['https://example.org/library/context.jsonld', { lib: 'http://example.org/library#' }], '@id': 'lib:Book', '@type': 'owl:Class' });
    expect(refused(remote, 'jsonld')).toEqual([
      {
        path: '@context.0',
        rule: 'remote-context',
        message:
          'the remote context https://example.org/library/context.jsonld is not fetched: importing never reads the network; put the context inline (an object under @context)',
      },
    ]);
  });

  it('refuses a document that describes nothing', () => {
    expect(refused('{"@context": {"name": "http://schema.org/name"}, "name": "not an ontology"}', 'jsonld')).toEqual([
      { path: '(root)', rule: 'empty', message: 'the document describes no ontology: no owl:Ontology, classes or properties' },
    ]);
  });

  it('names the line of a Turtle syntax error', () => {
    expect(refused('@prefix owl: <http://www.w3.org/2002/07/owl#> .\n\n<http://e.org/A> a owl:Class ;\n  <http://e.org/p> "unterminated .\n', 'turtle')).toEqual([
      { path: 'line 4', rule: 'turtle', message: expect.stringContaining('line 4') as string },
    ]);
  });

  it('checks what our own sh: terms say, such as a data type', () => {
    const turtle = exportOntology(richOntology(), 'turtle').replace('sh:dataType "email"', 'sh:dataType "e-mail"');
    expect(refused(turtle, 'turtle')).toEqual([
      {
        path: 'https://spice-harvester.dev/ontologies/fleet#valueType.EmailAddress baseType',
        rule: 'invalid_union',
        message: expect.stringContaining('unknown data type "e-mail"') as string,
      },
    ]);
  });
});
