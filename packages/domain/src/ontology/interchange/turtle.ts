import { DataFactory, Parser, Writer, type Quad_Object, type Quad_Subject } from 'n3';
import type { ImportIssues } from './import-issues';
import type { OntologyGraph } from './ontology-to-rdf';
import { blank, iri, text, typed, type RdfSubject, type RdfTerm, type RdfTriple } from './rdf-graph';
import { NS } from './vocabulary';

const { namedNode, blankNode, literal } = DataFactory;

/** The graph as Turtle, with our prefixes; n3 writes to a string synchronously when given no stream. */
export function writeTurtle(graph: OntologyGraph): string {
  const writer = new Writer({ prefixes: { ...NS, [graph.prefix]: graph.base } });
  const subject = (s: RdfSubject): Quad_Subject => (s.termType === 'NamedNode' ? namedNode(s.value) : blankNode(s.value));
  const object = (o: RdfTerm): Quad_Object => {
    switch (o.termType) {
      case 'NamedNode':
      case 'BlankNode':
        return subject(o);
      case 'Literal':
        return o.language ? literal(o.value, o.language) : literal(o.value, namedNode(o.datatype));
      case 'List':
        return writer.list(o.items.map(object)) as unknown as Quad_Object;
    }
  };
  for (const node of graph.nodes)
    for (const [predicate, objects] of node.values) for (const o of objects) writer.addQuad(subject(node.subject), namedNode(predicate), object(o));
  let written = '';
  writer.end((error, result: string) => {
    if (error) throw error;
    written = result;
  });
  return written;
}

/** Turtle's triples; a syntax error is an issue naming its line. Lists stay rdf:first/rdf:rest chains here. */
export function readTurtle(source: string, issues: ImportIssues): RdfTriple[] {
  try {
    return new Parser({ format: 'text/turtle' }).parse(source).map((q) => ({
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
  } catch (e) {
    const line = (e as { context?: { line?: number } }).context?.line;
    issues.add(line === undefined ? '(root)' : `line ${line}`, 'turtle', (e as Error).message);
    return [];
  }
}
