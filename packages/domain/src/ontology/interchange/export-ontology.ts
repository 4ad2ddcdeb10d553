import { notFound } from '../../shared/errors';
import type { OntologyState } from '../ontology.state';
import { writeJsonLd } from './jsonld-writer';
import { ontologyDocument, type InterchangeFormat } from './ontology-document';
import { defaultBaseIri, ontologyGraph } from './ontology-to-rdf';
import { writeTurtle } from './turtle';

export interface ExportOptions {
  /** The namespace entity IRIs are minted in (JSON-LD and Turtle); by default one under spice-harvester.dev per ontology. */
  readonly baseIri?: string;
}

/**
 * The whole ontology (its live entities) as text: our JSON schema, JSON-LD or Turtle. Entities are sorted by
 * apiName, so the same ontology always exports as the same text and exports diff well.
 */
export function exportOntology(state: OntologyState, format: InterchangeFormat, options: ExportOptions = {}): string {
  if (!state.exists || state.ontologyId === null) throw notFound('ONTOLOGY.NOT_FOUND', 'The ontology does not exist');
  const document = ontologyDocument(state);
  if (format === 'json') return `${JSON.stringify(document, null, 2)}\n`;
  const graph = ontologyGraph(document, options.baseIri ?? defaultBaseIri(state.ontologyId));
  return format === 'jsonld' ? writeJsonLd(graph) : writeTurtle(graph);
}
