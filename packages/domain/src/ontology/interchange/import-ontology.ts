import { ENTITY_KINDS } from '../model/definitions';
import { upcastLinkType } from '../model/link-type.upcast';
import { apiNameClashes, ImportIssues } from './import-issues';
import { readJsonLd } from './jsonld-reader';
import { byApiName, documentEntities, FORMAT_VERSION, READABLE_FORMAT_VERSIONS, SECTION_OF, ZOntologyDocument, type ImportedEntity, type ImportedOntology, type InterchangeFormat } from './ontology-document';
import { graphOf, type RdfTriple } from './rdf-graph';
import { ontologyFromGraph } from './rdf-to-ontology';
import { readTurtle } from './turtle';

/**
 * The ontology a document describes, every entity checked on its own. Throws ONTOLOGY.IMPORT_INVALID with every
 * issue found, each naming where (a JSON path, or a subject IRI) and which rule; there is never a partial result.
 * Checking the entities together (references, interfaces, keys) is the decider's job when they are applied.
 */
export function importOntology(source: string, format: InterchangeFormat): ImportedOntology {
  const issues = new ImportIssues();
  const imported = format === 'json' ? fromJson(source, issues) : fromRdf(format === 'jsonld' ? readJsonLd(source, issues) : readTurtle(source, issues), issues);
  if (issues.any) throw issues.error(format);
  return { ...imported, entities: sorted(imported.entities) };
}

function fromJson(source: string, issues: ImportIssues): ImportedOntology {
  let document: unknown;
  try {
    document = JSON.parse(source);
  } catch (e) {
    issues.add('(root)', 'json', `not valid JSON: ${(e as Error).message}`);
    return { entities: [] };
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    issues.add('(root)', 'schema', 'must be an object with formatVersion, ontology and the entity lists');
    return { entities: [] };
  }
  const version = (document as { formatVersion?: unknown }).formatVersion;
  if (typeof version !== 'number' || !READABLE_FORMAT_VERSIONS.includes(version)) {
    // Checked first: a document of another version is refused as such, not as a heap of schema mismatches.
    issues.add(
      'formatVersion',
      'format-version',
      version === undefined
        ? `required: the version of the export format (${FORMAT_VERSION})`
        : `format version ${JSON.stringify(version)} is not supported; this version reads format versions ${READABLE_FORMAT_VERSIONS.join(' and ')}`,
    );
    return { entities: [] };
  }
  const parsed = ZOntologyDocument.safeParse(version === FORMAT_VERSION ? document : upcastDocument(document as Record<string, unknown>));
  if (!parsed.success) {
    issues.addZod(parsed.error, (path) => path || '(root)');
    return { entities: [] };
  }
  apiNameClashes(
    ENTITY_KINDS.flatMap((kind) => parsed.data[SECTION_OF[kind]].map((d, i) => ({ kind, apiName: d.apiName, where: `${SECTION_OF[kind]}.${i}.apiName` }))),
    issues,
  );
  return { ontology: parsed.data.ontology, entities: documentEntities(parsed.data) };
}

function fromRdf(triples: readonly RdfTriple[], issues: ImportIssues): ImportedOntology {
  if (issues.any) return { entities: [] };
  const imported = ontologyFromGraph(graphOf(triples), issues);
  if (!issues.any && imported.entities.length === 0 && !imported.ontology)
    issues.add('(root)', 'empty', 'the document describes no ontology: no owl:Ontology, classes or properties');
  return imported;
}

/** A version 1 document in the current version's shape: only link types changed (their translated names moved to the ends). */
function upcastDocument(document: Record<string, unknown>): Record<string, unknown> {
  const linkTypes = document.linkTypes;
  return {
    ...document,
    formatVersion: FORMAT_VERSION,
    ...(Array.isArray(linkTypes) && { linkTypes: linkTypes.map((l: unknown) => (typeof l === 'object' && l !== null ? upcastLinkType(l as Record<string, unknown>) : l)) }),
  };
}

/** In the order an export lists them: by kind, then by apiName. */
const sorted = (entities: readonly ImportedEntity[]): ImportedEntity[] =>
  [...entities].sort((a, b) => ENTITY_KINDS.indexOf(a.kind) - ENTITY_KINDS.indexOf(b.kind) || byApiName(a.definition, b.definition));
