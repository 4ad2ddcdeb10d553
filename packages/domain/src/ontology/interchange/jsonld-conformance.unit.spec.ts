import jsonld from 'jsonld';
import { Parser } from 'n3';
import { describe, expect, it } from 'vitest';
import { exportOntology } from './export-ontology';
import { LIBRARY_JSONLD } from './foreign-ontology.fixture';
import { ImportIssues } from './import-issues';
import { richOntology } from './interchange.fixture';
import { readJsonLd } from './jsonld-reader';
import { blank, graphOf, iri, text, typed, type RdfNode, type RdfTerm, type RdfTriple } from './rdf-graph';

/**
 * Our JSON-LD reader and writer are small and hand-made, so they are held to the reference processor (jsonld.js,
 * here with no network): for our exports and for another tool's document, both must read the same triples.
 */
const refuseRemote = async (url: string): Promise<never> => {
  throw new Error(`test documents are local; refusing to fetch ${url}`);
};

async function referenceTriples(document: string): Promise<RdfTriple[]> {
  const nquads = (await jsonld.toRDF(JSON.parse(document) as jsonld.JsonLdDocument, { format: 'application/n-quads', documentLoader: refuseRemote })) as unknown as string;
  return new Parser({ format: 'application/n-quads' }).parse(nquads).map((q) => ({
    subject: q.subject.termType === 'BlankNode' ? blank(q.subject.value) : iri(q.subject.value),
    predicate: q.predicate.value,
    object:
      q.object.termType === 'Literal'
        ? q.object.language
          ? text(q.object.value, q.object.language)
          : typed(q.object.value, q.object.datatype.value)
        : q.object.termType === 'BlankNode'
          ? blank(q.object.value)
          : iri(q.object.value),
  }));
}

function ourTriples(document: string): RdfTriple[] {
  const issues = new ImportIssues();
  const triples = readJsonLd(document, issues);
  expect(issues.any).toBe(false);
  return triples;
}

/** The graph as sorted lines, blank node labels left out (they differ between readers and carry no meaning). */
function lines(nodes: readonly RdfNode[]): string[] {
  const show = (t: RdfTerm): string => {
    switch (t.termType) {
      case 'NamedNode':
        return `<${t.value}>`;
      case 'BlankNode':
        return '_:';
      case 'Literal':
        return `${JSON.stringify(t.value)}${t.language ? `@${t.language.toLowerCase()}` : `^^<${t.datatype}>`}`;
      case 'List':
        return `(${t.items.map(show).join(' ')})`;
    }
  };
  return nodes.flatMap((n) => [...n.values].flatMap(([p, os]) => os.map((o) => `${show(n.subject)} <${p}> ${show(o)}`))).sort();
}

describe('JSON-LD read by us and by the reference processor', () => {
  it('means the same triples for our export', async () => {
    const document = exportOntology(richOntology(), 'jsonld');
    const ours = lines(graphOf(ourTriples(document)));
    expect(ours).toEqual(lines(graphOf(await referenceTriples(document))));
    expect(ours.length).toBeGreaterThan(400);
  });

  it('means the same triples for a document written elsewhere', async () => {
    expect(lines(graphOf(ourTriples(LIBRARY_JSONLD)))).toEqual(lines(graphOf(await referenceTriples(LIBRARY_JSONLD))));
  });
});
