import type { ImportIssues } from './import-issues';
import { blank, iri, json, list, text, typed, type RdfSubject, type RdfTerm, type RdfTriple } from './rdf-graph';
import { RDF, XSD } from './vocabulary';

/**
 * Reads JSON-LD 1.1 into triples: compacted documents with inline @context (prefixes, terms with @id, @type
 * coercion, @language and @list/@set/@language/@index containers, @vocab, @base, aliases of keywords) and expanded
 * documents alike. Importing never reads the network, so a remote @context is refused unless it is one of the few
 * well-known ones defined here. Features an ontology file has no use for (@reverse, @nest, scoped contexts) are
 * reported instead of being silently misread.
 */
export function readJsonLd(textValue: string, issues: ImportIssues): RdfTriple[] {
  let document: unknown;
  try {
    document = JSON.parse(textValue);
  } catch (e) {
    issues.add('(root)', 'json', `not valid JSON: ${(e as Error).message}`);
    return [];
  }
  const reader = new JsonLdReader(issues);
  if (Array.isArray(document)) document.forEach((item, i) => reader.node(EMPTY, item, `${i}`));
  else if (isObject(document)) reader.node(EMPTY, document, '');
  else issues.add('(root)', 'jsonld', 'a JSON-LD document is an object or an array of objects');
  return reader.triples;
}

interface TermDefinition {
  /** An absolute IRI, a blank node id, a keyword, or null for a term mapped to nothing (its values are dropped). */
  readonly id: string | null;
  readonly type?: string;
  readonly container?: '@list' | '@set' | '@language' | '@index';
  /** Set when the term fixes the language of its strings (null: none). */
  readonly language?: string | null;
}

interface Context {
  readonly base: string | null;
  readonly vocab: string | null;
  readonly language: string | null;
  readonly terms: ReadonlyMap<string, TermDefinition>;
}

const EMPTY: Context = { base: null, vocab: null, language: null, terms: new Map() };

const SCHEMA_ORG = { '@vocab': 'http://schema.org/', schema: 'http://schema.org/', id: '@id', type: '@type' };
/** Remote contexts we know without fetching them, by URL without a trailing slash. */
const WELL_KNOWN_CONTEXTS: Record<string, Record<string, string>> = { 'http://schema.org': SCHEMA_ORG, 'https://schema.org': SCHEMA_ORG };

const KEYWORDS = new Set([
  '@base',
  '@container',
  '@context',
  '@direction',
  '@graph',
  '@id',
  '@import',
  '@included',
  '@index',
  '@json',
  '@language',
  '@list',
  '@nest',
  '@none',
  '@prefix',
  '@propagate',
  '@protected',
  '@reverse',
  '@set',
  '@type',
  '@value',
  '@version',
  '@vocab',
]);

type JsonObject = Record<string, unknown>;
const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);
const at = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));

function resolve(value: string, base: string | null): string {
  if (base === null) return value;
  try {
    return new URL(value, base).href;
  } catch {
    return value;
  }
}

/** IRI expansion: keywords, terms (in vocab position), compact IRIs, absolute IRIs, @vocab, then @base. */
function expandIri(ctx: Context, value: string, vocab: boolean, define?: (term: string) => void): string | null {
  if (KEYWORDS.has(value)) return value;
  define?.(value);
  if (vocab && ctx.terms.has(value)) return ctx.terms.get(value)!.id;
  const colon = value.indexOf(':');
  if (colon > 0) {
    const prefix = value.slice(0, colon);
    const suffix = value.slice(colon + 1);
    if (prefix === '_' || suffix.startsWith('//')) return value;
    define?.(prefix);
    const term = ctx.terms.get(prefix);
    if (term?.id) return term.id + suffix;
    return value;
  }
  if (vocab && ctx.vocab !== null) return ctx.vocab + value;
  return resolve(value, ctx.base);
}

class JsonLdReader {
  readonly triples: RdfTriple[] = [];
  /** Blank node labels in the document, renumbered: labels only mean something within one document. */
  private readonly blanks = new Map<string, RdfSubject>();
  private blankCount = 0;

  constructor(private readonly issues: ImportIssues) {}

  private fresh(label?: string): RdfSubject {
    const known = label === undefined ? undefined : this.blanks.get(label);
    if (known) return known;
    const node = blank(`b${this.blankCount++}`);
    if (label !== undefined) this.blanks.set(label, node);
    return node;
  }

  private subjectOf(id: string): RdfSubject {
    return id.startsWith('_:') ? this.fresh(id) : iri(id);
  }

  context(active: Context, local: unknown, path: string): Context {
    let result = active;
    const entries = Array.isArray(local) ? local.map((c, i) => [c, at(path, i)] as const) : [[local, path] as const];
    for (const [c, where] of entries) {
      if (c === null) result = { ...EMPTY, base: active.base };
      else if (typeof c === 'string') {
        const known = WELL_KNOWN_CONTEXTS[c.replace(/\/+$/, '')];
        if (known) result = this.defineTerms(result, known, where);
        else
          this.issues.add(
            where,
            'remote-context',
            `the remote context ${c} is not fetched: importing never reads the network; put the context inline (an object under @context)`,
          );
      } else if (isObject(c)) result = this.defineTerms(result, c, where);
      else this.issues.add(where, 'jsonld', '@context must be an object, a URL or an array of them');
    }
    return result;
  }

  private defineTerms(active: Context, local: JsonObject, path: string): Context {
    const terms = new Map(active.terms);
    let ctx: Context = { ...active, terms };
    if ('@base' in local) ctx = { ...ctx, base: typeof local['@base'] === 'string' ? resolve(local['@base'], active.base) : null };
    if ('@vocab' in local) ctx = { ...ctx, vocab: typeof local['@vocab'] === 'string' ? expandIri(ctx, local['@vocab'], true) : null };
    if ('@language' in local) ctx = { ...ctx, language: typeof local['@language'] === 'string' ? local['@language'] : null };
    if ('@import' in local) this.issues.add(at(path, '@import'), 'remote-context', '@import loads a remote context, which importing never does; inline it');

    const state = new Map<string, 'defining' | 'done'>();
    const define = (term: string): void => {
      if (!(term in local) || KEYWORDS.has(term) || state.get(term) === 'done') return;
      if (state.get(term) === 'defining') {
        this.issues.add(at(path, term), 'jsonld', `the term "${term}" is defined in terms of itself`);
        return;
      }
      state.set(term, 'defining');
      terms.set(term, this.termDefinition(ctx, term, local[term], at(path, term), define));
      state.set(term, 'done');
    };
    for (const term of Object.keys(local)) define(term);
    return ctx;
  }

  private termDefinition(ctx: Context, term: string, value: unknown, path: string, define: (term: string) => void): TermDefinition {
    if (value === null) return { id: null };
    if (typeof value === 'string') return { id: expandIri(ctx, value, true, define) };
    if (!isObject(value)) {
      this.issues.add(path, 'jsonld', 'a term definition is an IRI, null or an object');
      return { id: null };
    }
    for (const unsupported of ['@reverse', '@context', '@nest'] as const)
      if (unsupported in value) this.issues.add(at(path, unsupported), 'jsonld-unsupported', `${unsupported} in a term definition is not supported in ontology imports`);
    const id =
      typeof value['@id'] === 'string'
        ? expandIri(ctx, value['@id'], true, define)
        : term.includes(':')
          ? expandIri(ctx, term, true, define)
          : ctx.vocab === null
            ? null
            : ctx.vocab + term;
    const type = typeof value['@type'] === 'string' ? (value['@type'].startsWith('@') ? value['@type'] : (expandIri(ctx, value['@type'], true, define) ?? undefined)) : undefined;
    const containers = asArray(value['@container']).filter((c): c is string => typeof c === 'string');
    const container = (['@list', '@language', '@index', '@set'] as const).find((c) => containers.includes(c));
    const other = containers.find((c) => !['@list', '@language', '@index', '@set'].includes(c));
    if (other) this.issues.add(at(path, '@container'), 'jsonld-unsupported', `a ${other} container is not supported in ontology imports`);
    return {
      id,
      ...(type !== undefined && { type }),
      ...(container !== undefined && { container }),
      ...('@language' in value && { language: typeof value['@language'] === 'string' ? value['@language'] : null }),
    };
  }

  /** A node object: its triples are added and its subject returned. */
  node(active: Context, object: JsonObject, path: string): RdfSubject {
    const ctx = '@context' in object ? this.context(active, object['@context'], at(path, '@context')) : active;
    const keys = Object.keys(object).filter((k) => k !== '@context');
    const keyword = (k: string) => expandIri(ctx, k, true);
    const idKey = keys.find((k) => keyword(k) === '@id');
    const id = idKey === undefined ? undefined : object[idKey];
    const subject = typeof id === 'string' ? this.subjectOf(expandIri(ctx, id, false) ?? id) : this.fresh();
    for (const key of keys) {
      const predicate = keyword(key);
      const value = object[key];
      const where = at(path, key);
      if (predicate === null || predicate === '@id' || predicate === '@index') continue;
      if (predicate === '@type') {
        for (const t of asArray(value)) {
          const type = typeof t === 'string' ? expandIri(ctx, t, true) : null;
          if (type) this.triples.push({ subject, predicate: RDF.type, object: this.subjectOf(type) });
        }
      } else if (predicate === '@graph' || predicate === '@included') {
        asArray(value).forEach((item, i) => {
          if (isObject(item)) this.node(ctx, item, at(where, i));
        });
      } else if (predicate.startsWith('@')) {
        this.issues.add(where, 'jsonld-unsupported', `${predicate} is not supported in ontology imports`);
      } else if (predicate.includes(':')) {
        for (const o of this.values(ctx, ctx.terms.get(key), value, where)) this.triples.push({ subject, predicate, object: o });
      }
      // A key that expands to no absolute IRI means nothing in JSON-LD and is dropped, as every processor does.
    }
    return subject;
  }

  private values(ctx: Context, term: TermDefinition | undefined, value: unknown, path: string): RdfTerm[] {
    // A @json term takes the value whole, arrays and null included.
    if (term?.type === '@json') return [json(value)];
    if (term?.container === '@language' && isObject(value) && !('@value' in value)) {
      return Object.entries(value).flatMap(([language, strings]) =>
        asArray(strings).flatMap((s) => (typeof s === 'string' ? [text(s, language === '@none' ? '' : language)] : [])),
      );
    }
    if (term?.container === '@index' && isObject(value) && !Object.keys(value).some((k) => k.startsWith('@')))
      return Object.values(value).flatMap((v) => this.values(ctx, { ...term, container: '@set' }, v, path));
    if (term?.container === '@list' && !(isObject(value) && '@list' in value))
      return [list(asArray(value).flatMap((v, i) => this.value(ctx, term, v, at(path, i))))];
    return asArray(value).flatMap((v, i) => this.value(ctx, term, v, Array.isArray(value) ? at(path, i) : path));
  }

  private value(ctx: Context, term: TermDefinition | undefined, value: unknown, path: string): RdfTerm[] {
    if (value === null || value === undefined) return [];
    if (Array.isArray(value)) return value.flatMap((v, i) => this.value(ctx, term, v, at(path, i)));
    if (typeof value === 'string') {
      if (term?.type === '@id' || term?.type === '@vocab') return [this.subjectOf(expandIri(ctx, value, term.type === '@vocab') ?? value)];
      if (term?.type !== undefined && term.type !== '@none') return [typed(value, term.type)];
      const language = term?.language !== undefined ? term.language : ctx.language;
      return [text(value, language ?? '')];
    }
    if (typeof value === 'number' || typeof value === 'boolean') return [native(value, term?.type)];
    if (!isObject(value)) return [];
    const keys = new Map(Object.keys(value).map((k) => [expandIri(ctx, k, true), k]));
    const get = (keywordName: string) => (keys.has(keywordName) ? value[keys.get(keywordName)!] : undefined);
    if (keys.has('@value')) {
      const v = get('@value');
      const type = get('@type');
      const language = get('@language');
      if (type === '@json') return [json(v)];
      if (v === null) return [];
      if (typeof type === 'string') return [typed(String(v), expandIri(ctx, type, true) ?? type)];
      if (typeof v === 'string') return [text(v, typeof language === 'string' ? language : '')];
      if (typeof v === 'number' || typeof v === 'boolean') return [native(v, undefined)];
      this.issues.add(path, 'jsonld', '@value must be a string, a number, a boolean or null');
      return [];
    }
    if (keys.has('@list')) return [list(asArray(get('@list')).flatMap((v, i) => this.value(ctx, term, v, at(at(path, '@list'), i))))];
    if (keys.has('@set')) return asArray(get('@set')).flatMap((v, i) => this.value(ctx, term, v, at(at(path, '@set'), i)));
    return [this.node(ctx, value, path)];
  }
}

/** JSON-LD's native literals: booleans, integers as xsd:integer, other numbers as xsd:double in canonical form. */
function native(value: number | boolean, type: string | undefined): RdfTerm {
  if (typeof value === 'boolean') return typed(String(value), type && !type.startsWith('@') ? type : XSD.boolean);
  const integral = Number.isInteger(value) && Math.abs(value) < 1e21;
  const datatype = type && !type.startsWith('@') ? type : integral ? XSD.integer : XSD.double;
  if (datatype === XSD.double) {
    const [mantissa, exponent] = value.toExponential().split('e');
    return typed(`${mantissa!.includes('.') ? mantissa : `${mantissa}.0`}E${Number(exponent)}`, datatype);
  }
  return typed(integral ? value.toFixed(0) : String(value), datatype);
}
