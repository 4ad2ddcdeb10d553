import { sameDataType, ZDataType, type DataType } from '../model/data-type';
import { json, text, type RdfLiteral } from './rdf-graph';
import { NS, RDF, RDFS } from './vocabulary';

const xsd = (name: string) => `${NS.xsd}${name}`;

/** The XSD datatype an RDF reader sees for each of our types; arrays are multi-valued properties of their element's. */
export function rangeOf(t: DataType): string {
  if (typeof t !== 'string') {
    switch (t.type) {
      case 'decimal':
      case 'money':
        return xsd('decimal');
      case 'array':
        return rangeOf(t.elementType);
      case 'struct':
        return RDF.JSON;
      case 'enum':
        return xsd('string');
    }
  }
  switch (t) {
    case 'integer':
      return xsd('int');
    case 'long':
    case 'double':
    case 'boolean':
    case 'date':
    case 'string':
      return xsd(t);
    case 'timestamp':
      return xsd('dateTime');
    case 'url':
      return xsd('anyURI');
    case 'geopoint':
    case 'email':
    case 'phone':
      return xsd('string');
  }
}

/** What each range that other ontologies use means here; anything else is refused rather than guessed. */
const TYPE_OF_RANGE = new Map<string, DataType>([
  ...['string', 'normalizedString', 'token', 'language', 'Name', 'NCName'].map((n) => [xsd(n), 'string'] as const),
  [RDFS.Literal, 'string'],
  [RDF.langString, 'string'],
  ...['int', 'short', 'byte', 'unsignedShort', 'unsignedByte'].map((n) => [xsd(n), 'integer'] as const),
  ...['long', 'integer', 'nonNegativeInteger', 'positiveInteger', 'nonPositiveInteger', 'negativeInteger', 'unsignedInt'].map(
    (n) => [xsd(n), 'long'] as const,
  ),
  [xsd('double'), 'double'],
  [xsd('float'), 'double'],
  [xsd('decimal'), ZDataType.parse('decimal')],
  [xsd('boolean'), 'boolean'],
  [xsd('date'), 'date'],
  [xsd('dateTime'), 'timestamp'],
  [xsd('dateTimeStamp'), 'timestamp'],
  [xsd('anyURI'), 'url'],
]);

export const SUPPORTED_RANGES = [...TYPE_OF_RANGE.keys()];

/** The type a property with this rdfs:range gets, or null when the range is not one we map. */
export const dataTypeOfRange = (range: string): DataType | null => TYPE_OF_RANGE.get(range) ?? null;

/** sh:dataType, present only when the range alone would read back as a different type (decimal(12,2), email, array…). */
export function exactDataType(t: DataType): RdfLiteral | null {
  const fromRange = dataTypeOfRange(rangeOf(t));
  if (fromRange !== null && sameDataType(fromRange, t)) return null;
  return typeof t === 'string' ? text(t) : json(t);
}
