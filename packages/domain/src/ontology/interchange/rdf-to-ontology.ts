import type { z } from 'zod';
import {
  ZInterfaceDefinition,
  ZInterfaceLink,
  ZInterfaceProperty,
  ZObjectTypeDefinition,
  ZPropertyDefinition,
  ZSharedPropertyTypeDefinition,
  ZValueTypeDefinition,
  type PropertyDefinition,
} from '../model/definitions';
import { apiNameClashes, type ImportIssues } from './import-issues';
import { localName, ontologyIdFrom } from './names';
import { ZOntologyHeader, type ImportedEntity, type ImportedOntology, type OntologyHeader } from './ontology-document';
import { dataTypeOfRange, SUPPORTED_RANGES } from './rdf-data-types';
import type { RdfNode, RdfTerm } from './rdf-graph';
import { apiNameOf, displayNameOf, parseAt, RdfGraphIndex, type TypeRef } from './rdf-graph-index';
import { linkTypesFrom } from './rdf-link-types';
import type { RdfNodeReader } from './rdf-node-reader';
import { curie, OWL, RDF, RDFS, SH } from './vocabulary';

type InterfaceProperty = z.infer<typeof ZInterfaceProperty>;
type InterfaceLink = z.infer<typeof ZInterfaceLink>;
type Member<T> = { readonly where: string; readonly value: T };

/**
 * The ontology an RDF graph describes: our own export read back exactly (its sh: terms), or another tool's
 * RDFS/OWL read with sensible defaults. Problems are collected as issues; the caller throws when there are any.
 */
export function ontologyFromGraph(nodes: readonly RdfNode[], issues: ImportIssues): ImportedOntology {
  const index = new RdfGraphIndex(nodes, issues);
  const named = index.readers.filter((r) => r.node.subject.termType === 'NamedNode');
  const entities: { entity: ImportedEntity; where: string }[] = [];
  const add = (where: string, entity: ImportedEntity | null) => {
    if (entity) entities.push({ entity, where });
  };

  const valueTypes = new Map<string, string>();
  for (const v of named.filter((r) => r.is(SH.ValueType))) {
    valueTypes.set(v.where, apiNameOf(v, 'PascalCase'));
    const baseType = dataTypeOf(v, SH.baseDatatype);
    const definition = baseType !== undefined && parseAt(v, ZValueTypeDefinition, {
      ...textFields(v, 'PascalCase'),
      baseType,
      ...(v.has(SH.constraints) && { constraints: v.json(SH.constraints) }),
    });
    add(v.where, definition ? { kind: 'valueType', definition } : null);
  }

  const datatypeProperties = named.filter((r) => propertyKind(r, index) === 'datatype');
  const domains = new Map(datatypeProperties.map((p) => [p.where, p.is(SH.SharedPropertyType) ? [] : index.classesAt(p, RDFS.domain)]));
  // A property that belongs to no class is one any type can reuse: a shared property type.
  const sharedTypes = new Map(datatypeProperties.filter((p) => domains.get(p.where)?.length === 0).map((p) => [p.where, apiNameOf(p, 'camelCase')]));
  const properties = new Map<string, Member<PropertyDefinition | InterfaceProperty>[]>();
  for (const p of datatypeProperties) {
    if (sharedTypes.has(p.where)) {
      const dataType = dataTypeOf(p, RDFS.range);
      const definition = dataType !== undefined && parseAt(p, ZSharedPropertyTypeDefinition, {
        ...textFields(p, 'camelCase'),
        dataType,
        ...(p.has(SH.constraints) && { constraints: p.json(SH.constraints) }),
      });
      add(p.where, definition ? { kind: 'sharedPropertyType', definition } : null);
    }
    for (const owner of domains.get(p.where) ?? []) {
      const value = owner.kind === 'interface' ? interfaceProperty(p) : objectTypeProperty(p, sharedTypes, valueTypes);
      if (value) appendTo(properties, owner.where, { where: p.where, value });
    }
  }

  const interfaceLinks = new Map<string, Member<InterfaceLink>[]>();
  const linkTypeProperties: RdfNodeReader[] = [];
  for (const p of named.filter((r) => propertyKind(r, index) === 'object')) {
    const owners = index.classesAt(p, RDFS.domain);
    const owner = owners?.length === 1 && owners[0]!.kind === 'interface' ? owners[0] : undefined;
    if (!owner) linkTypeProperties.push(p);
    else {
      const link = interfaceLink(p, index);
      if (link) appendTo(interfaceLinks, owner.where, { where: p.where, value: link });
    }
  }
  for (const { where, definition } of linkTypesFrom(linkTypeProperties, index)) add(where, { kind: 'linkType', definition });

  for (const c of named.filter((r) => index.types.has(r.where))) {
    const own = inOrder(properties.get(c.where) ?? [], c.list(SH.properties));
    if (c.is(SH.Interface)) {
      const definition = parseAt(c, ZInterfaceDefinition, {
        ...textFields(c, 'PascalCase'),
        extends: typeList(c, SH.extends, index, 'interface'),
        properties: own,
        links: inOrder(interfaceLinks.get(c.where) ?? [], c.list(SH.links)),
      });
      add(c.where, definition && { kind: 'interface', definition });
    } else {
      const definition = parseAt(c, ZObjectTypeDefinition, objectTypeInput(c, own as PropertyDefinition[], index));
      add(c.where, definition && { kind: 'objectType', definition });
    }
  }

  apiNameClashes(
    entities.map(({ entity, where }) => ({ kind: entity.kind, apiName: entity.definition.apiName, where })),
    issues,
  );
  const ontology = header(named.find((r) => r.is(OWL.Ontology)));
  return { ...(ontology && { ontology }), entities: entities.map((e) => e.entity) };
}

function appendTo<T>(map: Map<string, Member<T>[]>, key: string, member: Member<T>): void {
  const members = map.get(key);
  if (members) members.push(member);
  else map.set(key, [member]);
}

/** The fields every entity with texts has: apiName, display name (from the label or the IRI), description, translations. */
function textFields(r: RdfNodeReader, style: 'PascalCase' | 'camelCase') {
  const texts = r.texts();
  return {
    apiName: apiNameOf(r, style),
    displayName: displayNameOf(r, texts.displayName),
    ...(texts.description !== undefined && { description: texts.description }),
    ...(texts.pluralDisplayName !== undefined && { pluralDisplayName: texts.pluralDisplayName }),
    translations: texts.translations,
  };
}

/** owl:DatatypeProperty and owl:ObjectProperty; a plain rdf:Property is one or the other by its range. */
function propertyKind(r: RdfNodeReader, index: RdfGraphIndex): 'datatype' | 'object' | null {
  const datatype = r.is(OWL.DatatypeProperty);
  const object = r.is(OWL.ObjectProperty);
  if (datatype && object) {
    r.issue(RDF.type, 'conflicting-types', 'is both an owl:DatatypeProperty and an owl:ObjectProperty');
    return null;
  }
  if (datatype) return 'datatype';
  if (object) return 'object';
  if (!r.is(RDF.Property)) return null;
  return r.iris(RDFS.range).some((range) => index.types.has(range)) ? 'object' : 'datatype';
}

/**
 * sh:dataType when our export wrote one, else the type the XSD range maps to (string when there is no range);
 * undefined, with an issue, for a range we don't map.
 */
function dataTypeOf(r: RdfNodeReader, rangePredicate: string): unknown {
  if (r.has(SH.dataType)) return r.nameOrJson(SH.dataType);
  const range = r.values(rangePredicate)[0];
  if (range === undefined) return 'string';
  const type = range.termType === 'NamedNode' ? dataTypeOfRange(range.value) : null;
  if (type === null) {
    const what = range.termType === 'NamedNode' ? curie(range.value) : 'the range';
    r.issue(rangePredicate, 'xsd-range', `${what} is not a datatype we can map; use one of ${SUPPORTED_RANGES.map(curie).join(', ')}`);
    return undefined;
  }
  return type;
}

function objectTypeProperty(p: RdfNodeReader, sharedTypes: ReadonlyMap<string, string>, valueTypes: ReadonlyMap<string, string>): PropertyDefinition | null {
  const shared = p.iris(RDFS.subPropertyOf).find((iri) => sharedTypes.has(iri));
  const valueType = p.iris(SH.valueType)[0];
  if (valueType !== undefined && !valueTypes.has(valueType))
    p.issue(SH.valueType, 'missing-value-type', `${curie(valueType)} is not a value type described in this document`);
  const dataType = dataTypeOf(p, RDFS.range);
  if (dataType === undefined) return null;
  return parseAt(p, ZPropertyDefinition, {
    ...textFields(p, 'camelCase'),
    dataType,
    ...(p.has(SH.required) && { required: p.boolean(SH.required) }),
    ...(p.has(SH.unique) && { unique: p.boolean(SH.unique) }),
    ...(p.has(SH.searchable) && { searchable: p.boolean(SH.searchable) }),
    ...(p.has(SH.constraints) && { constraints: p.json(SH.constraints) }),
    ...(p.has(SH.default) && { default: p.json(SH.default) }),
    ...(shared !== undefined && { sharedPropertyType: sharedTypes.get(shared) }),
    ...(valueType !== undefined && { valueType: valueTypes.get(valueType) ?? localName(valueType) }),
  });
}

function interfaceProperty(p: RdfNodeReader): InterfaceProperty | null {
  const description = p.texts().description;
  const dataType = dataTypeOf(p, RDFS.range);
  if (dataType === undefined) return null;
  return parseAt(p, ZInterfaceProperty, {
    apiName: apiNameOf(p, 'camelCase'),
    dataType,
    ...(p.has(SH.required) && { required: p.boolean(SH.required) }),
    ...(description !== undefined && { description }),
  });
}

/** A link every implementer of the interface must have; it names one object when the property is functional. */
function interfaceLink(p: RdfNodeReader, index: RdfGraphIndex): InterfaceLink | null {
  const targets = index.classesAt(p, RDFS.range);
  if (targets === null) return null;
  if (targets.length !== 1) {
    p.issue(RDFS.range, 'link-ends', `an interface link needs exactly one rdfs:range class; it has ${targets.length}`);
    return null;
  }
  return parseAt(p, ZInterfaceLink, {
    apiName: apiNameOf(p, 'camelCase'),
    target: { kind: targets[0]!.kind, apiName: targets[0]!.apiName },
    many: !p.is(OWL.FunctionalProperty),
    ...(p.has(SH.required) && { required: p.boolean(SH.required) }),
  });
}

function objectTypeInput(c: RdfNodeReader, properties: PropertyDefinition[], index: RdfGraphIndex) {
  const literal = (field: string, predicate: string) => (c.has(predicate) ? { [field]: c.literal(predicate) } : {});
  const replacement = c.iris(SH.replacedBy)[0];
  const dataset = c.literal(SH.backingDataset);
  return {
    ...textFields(c, 'PascalCase'),
    ...literal('icon', SH.icon),
    ...literal('color', SH.color),
    ...literal('status', SH.status),
    ...((c.has(SH.deprecationReason) || c.has(SH.deprecationDeadline)) && {
      deprecation: {
        reason: c.literal(SH.deprecationReason),
        deadline: c.literal(SH.deprecationDeadline),
        replacement: replacement === undefined ? null : typeName(c, SH.replacedBy, replacement, index, 'objectType'),
      },
    }),
    ...(c.has(SH.groups) && { groups: c.literalList(SH.groups) }),
    properties,
    ...literal('primaryKey', SH.primaryKey),
    ...literal('titleKey', SH.titleKey),
    implements: typeList(c, SH.implements, index, 'interface'),
    ...(dataset !== undefined && { backingDataset: { datasetId: dataset, ...literal('branch', SH.backingBranch) } }),
  };
}

/** The apiName of the type `iri` names; an issue when the document does not describe such a type. */
function typeName(r: RdfNodeReader, predicate: string, iri: string, index: RdfGraphIndex, kind: TypeRef['kind']): string {
  const ref = index.types.get(iri);
  if (ref?.kind === kind) return ref.apiName;
  r.issue(predicate, 'missing-class', `${curie(iri)} is not ${kind === 'interface' ? 'an interface' : 'an object type'} described in this document`);
  return localName(iri);
}

/** Interfaces implemented or extended: our ordered list when present, else the rdfs:subClassOf that are interfaces. */
function typeList(c: RdfNodeReader, listPredicate: string, index: RdfGraphIndex, kind: TypeRef['kind']): string[] {
  const listed = c.list(listPredicate);
  if (listed) return listed.flatMap((t) => (t.termType === 'NamedNode' ? [typeName(c, listPredicate, t.value, index, kind)] : []));
  return c.iris(RDFS.subClassOf).flatMap((iri) => {
    const ref = index.types.get(iri);
    return ref?.kind === kind ? [ref.apiName] : [];
  });
}

/** Members in the order our export listed them; any others after those, in document order. */
function inOrder<T>(members: readonly Member<T>[], order: readonly RdfTerm[] | undefined): T[] {
  const rank = new Map((order ?? []).flatMap((t, i) => (t.termType === 'NamedNode' ? [[t.value, i] as const] : [])));
  const last = rank.size;
  return [...members].sort((a, b) => (rank.get(a.where) ?? last) - (rank.get(b.where) ?? last)).map((m) => m.value);
}

/** The owl:Ontology's id and texts; another tool's ontology gets an id made from its IRI when one can be made. */
function header(o: RdfNodeReader | undefined): OntologyHeader | undefined {
  if (!o) return undefined;
  const id = o.literal(SH.ontologyId) ?? ontologyIdFrom(o.where);
  if (id === null) return undefined;
  const texts = o.texts();
  return parseAt(o, ZOntologyHeader, { id, displayName: texts.displayName ?? id, description: texts.description ?? '' }) ?? undefined;
}
