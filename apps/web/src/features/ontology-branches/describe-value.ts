import { describeDataType, type DataType, type EntityKind } from '@spice/domain';

/** Fields whose value is a data type, shown as `decimal(10,2)` rather than as its JSON. */
const DATA_TYPE_FIELDS = new Set(['dataType', 'baseType', 'elementType']);
/** Lists of named items and translations: the path segment after them is an apiName or a language code, shown verbatim. */
const NAMED_LISTS = new Set(['properties', 'links', 'translations']);

export const KIND_LABEL: Record<EntityKind, { one: string; many: string }> = {
  objectType: { one: 'Object type', many: 'Object types' },
  linkType: { one: 'Link type', many: 'Link types' },
  interface: { one: 'Interface', many: 'Interfaces' },
  sharedPropertyType: { one: 'Shared property', many: 'Shared properties' },
  valueType: { one: 'Value type', many: 'Value types' },
};

const humanise = (name: string) => {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** A diff path for people: `properties.tonnage.dataType` → `Properties › tonnage › Data type`. */
export function describePath(path: string): string {
  if (path === '(entity)') return 'Whole entity';
  if (path === '(root)') return 'Definition';
  const segments = path.split('.');
  return segments.map((s, i) => (i > 0 && NAMED_LISTS.has(segments[i - 1]!) ? s : humanise(s))).join(' › ');
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A definition value as short readable text (never raw JSON): data types by name, properties as `name: type`. */
export function describeValue(value: unknown, path = ''): string {
  if (value === undefined || value === null) return '—';
  const field = path.split('.').at(-1) ?? '';
  if (DATA_TYPE_FIELDS.has(field)) return describeDataType(value as DataType);
  if (typeof value === 'string') return value === '' ? '(empty)' : value;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value))
    return value.length === 0 ? '(none)' : value.map((item) => describeValue(item)).join(', ');
  if (isRecord(value)) return describeRecord(value);
  return String(value);
}

function describeRecord(value: Record<string, unknown>): string {
  const name = typeof value.apiName === 'string' ? value.apiName : null;
  if (name && value.dataType !== undefined)
    return `${name}: ${describeDataType(value.dataType as DataType)}${value.required === true ? ' (required)' : ''}`;
  if (name && isRecord(value.target))
    return `${name} → ${describeValue(value.target)}${value.many === true ? ' (many)' : ''}`;
  if (name && typeof value.kind === 'string') return `${value.kind} ${name}`;
  if (name && typeof value.displayName === 'string') return `${name} (${value.displayName})`;
  if (name) return name;
  const parts = Object.entries(value)
    .filter(
      ([, v]) =>
        !(
          v === null ||
          v === undefined ||
          v === '' ||
          (Array.isArray(v) && v.length === 0) ||
          (isRecord(v) && Object.keys(v).length === 0)
        ),
    )
    .map(([k, v]) => `${humanise(k).toLowerCase()}: ${describeValue(v, k)}`);
  return parts.length === 0 ? '(empty)' : parts.join('; ');
}

/**
 * The path of the data type a change is inside (`properties.tonnage.dataType.precision` → `…dataType`), so a
 * changed precision reads as `decimal(10,2)` → `decimal(12,2)`; other paths come back unchanged.
 */
export function dataTypePathOf(path: string): string {
  const segments = path.split('.');
  const at = segments.findIndex((s, i) => DATA_TYPE_FIELDS.has(s) && i < segments.length - 1);
  return at < 0 ? path : segments.slice(0, at + 1).join('.');
}

/** The value at a diff path in a definition; list items are found by their apiName, as diff paths name them. */
export function valueAtPath(definition: unknown, path: string): unknown {
  let current: unknown = definition;
  for (const segment of path.split('.')) {
    if (Array.isArray(current)) current = current.find((item) => isRecord(item) && item.apiName === segment);
    else if (isRecord(current)) current = current[segment];
    else return undefined;
  }
  return current;
}
