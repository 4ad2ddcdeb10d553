import { dataTypeName, NUMERIC_TYPES, type Constraints, type DataType, type PropertyDefinition } from '@spice/domain';

export const newProperty = (n: number): PropertyDefinition => ({
  apiName: `property${n}`,
  displayName: `Property ${n}`,
  description: '',
  dataType: 'string',
  required: false,
  unique: false,
  searchable: true,
  constraints: {},
  sharedPropertyType: null,
  valueType: null,
  translations: {},
});

export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= items.length || from === to) return [...items];
  const next = [...items];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

/** A bound typed into a text field: a number for numeric types, the text (an ISO date) otherwise. */
export function parseBound(text: string, dataType: DataType): number | string | undefined {
  if (text.trim() === '') return undefined;
  if (NUMERIC_TYPES.has(dataTypeName(dataType)) && /^-?\d+(\.\d+)?$/.test(text.trim())) return Number(text);
  return text;
}

export function parseCount(text: string): number | undefined {
  return text.trim() === '' || Number.isNaN(Number(text)) ? undefined : Number(text);
}

/** A default value typed as text, in the property's type where that's unambiguous. */
export function parseDefault(text: string, dataType: DataType): unknown {
  if (text === '') return undefined;
  const name = dataTypeName(dataType);
  if (name === 'boolean') return text === 'true' ? true : text === 'false' ? false : text;
  if (['integer', 'long', 'double'].includes(name) && /^-?\d+(\.\d+)?$/.test(text.trim())) return Number(text);
  return text;
}

export const defaultText = (value: unknown): string => (value === undefined || value === null ? '' : String(value));

/** Drops constraints left empty, so an untouched property compares equal to what the server has. */
export function withConstraint(c: Constraints, key: keyof Constraints, value: unknown): Constraints {
  const next: Record<string, unknown> = { ...c, [key]: value };
  if (value === undefined || (Array.isArray(value) && value.length === 0)) delete next[key];
  return next as Constraints;
}
