import { z } from 'zod';
import type { FieldIssue } from '../../shared/errors';
import { aDataType, dataTypeName, describeDataType, NUMERIC_TYPES, TEMPORAL_TYPES, TEXT_TYPES, type DataType } from './data-type';

/** Limits a property's values beyond its type. min/max are numbers for numeric types and ISO strings for dates. */
export const ZConstraints = z
  .object({
    min: z.union([z.number(), z.string()]).optional(),
    max: z.union([z.number(), z.string()]).optional(),
    minLength: z.number().int().nonnegative().optional(),
    maxLength: z.number().int().positive().optional(),
    pattern: z.string().max(1000).optional(),
    enumValues: z.array(z.string()).min(1).max(1000).optional(),
  })
  .strict();
export type Constraints = z.infer<typeof ZConstraints>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Problems with constraints that don't fit the type they constrain; paths are relative to the constraints. */
export function constraintIssues(dataType: DataType, c: Constraints, at: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const name = dataTypeName(dataType);
  const numeric = NUMERIC_TYPES.has(name);
  const temporal = TEMPORAL_TYPES.has(name);
  const text = TEXT_TYPES.has(name);
  for (const bound of ['min', 'max'] as const) {
    const v = c[bound];
    if (v === undefined) continue;
    if (numeric && typeof v !== 'number') issues.push({ path: `${at}.${bound}`, rule: 'constraint', message: `must be a number for ${aDataType(dataType)} property` });
    else if (temporal && !(typeof v === 'string' && (name === 'date' ? ISO_DATE : ISO_TIMESTAMP).test(v)))
      issues.push({ path: `${at}.${bound}`, rule: 'constraint', message: `must be an ISO ${name} for a ${name} property` });
    else if (!numeric && !temporal) issues.push({ path: `${at}.${bound}`, rule: 'constraint', message: `only numeric and date properties take ${bound}; this one is ${describeDataType(dataType)}` });
  }
  if (c.min !== undefined && c.max !== undefined && typeof c.min === typeof c.max && c.min > c.max)
    issues.push({ path: `${at}.min`, rule: 'constraint', message: `min ${String(c.min)} is greater than max ${String(c.max)}` });
  for (const length of ['minLength', 'maxLength', 'pattern'] as const) {
    if (c[length] !== undefined && !text)
      issues.push({ path: `${at}.${length}`, rule: 'constraint', message: `only text properties take ${length}; this one is ${describeDataType(dataType)}` });
  }
  if (c.minLength !== undefined && c.maxLength !== undefined && c.minLength > c.maxLength)
    issues.push({ path: `${at}.minLength`, rule: 'constraint', message: `minLength ${c.minLength} is greater than maxLength ${c.maxLength}` });
  if (c.pattern !== undefined) {
    try {
      new RegExp(c.pattern, 'u');
    } catch (e) {
      issues.push({ path: `${at}.pattern`, rule: 'constraint', message: `is not a valid regular expression: ${(e as Error).message}` });
    }
  }
  if (c.enumValues !== undefined && name !== 'string')
    issues.push({ path: `${at}.enumValues`, rule: 'constraint', message: `only string properties take enumValues (use the enum type otherwise); this one is ${describeDataType(dataType)}` });
  return issues;
}

/** Why `value` is not a valid value of the type under the constraints, or null when it is. */
export function valueProblem(dataType: DataType, c: Constraints, value: unknown): string | null {
  const typeProblem = typeMismatch(dataType, value);
  if (typeProblem) return typeProblem;
  const name = dataTypeName(dataType);
  if (NUMERIC_TYPES.has(name)) {
    // decimal and money values may be written as strings to keep their digits
    const n = Number(value);
    if (typeof c.min === 'number' && n < c.min) return `${String(value)} is below the minimum ${c.min}`;
    if (typeof c.max === 'number' && n > c.max) return `${String(value)} is above the maximum ${c.max}`;
    return null;
  }
  if (typeof value !== 'string') return null;
  if (TEMPORAL_TYPES.has(name)) {
    if (typeof c.min === 'string' && value < c.min) return `${value} is before the minimum ${c.min}`;
    if (typeof c.max === 'string' && value > c.max) return `${value} is after the maximum ${c.max}`;
  }
  if (c.minLength !== undefined && value.length < c.minLength) return `"${value}" is shorter than ${c.minLength} characters`;
  if (c.maxLength !== undefined && value.length > c.maxLength) return `"${value}" is longer than ${c.maxLength} characters`;
  if (c.pattern !== undefined && safeRegExp(c.pattern)?.test(value) === false) return `"${value}" does not match the pattern ${c.pattern}`;
  if (c.enumValues !== undefined && !c.enumValues.includes(value)) return `"${value}" is not one of ${c.enumValues.join(', ')}`;
  return null;
}

function safeRegExp(pattern: string): RegExp | null {
  try {
    return new RegExp(pattern, 'u');
  } catch {
    return null;
  }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ()-]{5,20}$/;

function typeMismatch(dataType: DataType, value: unknown): string | null {
  const bad = `${JSON.stringify(value)} is not ${aDataType(dataType)}`;
  if (typeof dataType !== 'string') {
    switch (dataType.type) {
      case 'decimal':
      case 'money':
        return typeof value === 'number' || (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) ? null : bad;
      case 'enum':
        return typeof value === 'string' && dataType.values.includes(value) ? null : `${JSON.stringify(value)} is not one of ${dataType.values.join(', ')}`;
      case 'array':
        if (!Array.isArray(value)) return bad;
        for (const item of value) {
          const p = typeMismatch(dataType.elementType, item);
          if (p) return p;
        }
        return null;
      case 'struct':
        if (typeof value !== 'object' || value === null || Array.isArray(value)) return bad;
        for (const f of dataType.fields) {
          const v = (value as Record<string, unknown>)[f.name];
          if (v === undefined || v === null) continue;
          const p = typeMismatch(f.dataType, v);
          if (p) return `${f.name}: ${p}`;
        }
        return null;
    }
  }
  switch (dataType) {
    case 'string':
      return typeof value === 'string' ? null : bad;
    case 'integer':
      return Number.isInteger(value) && (value as number) >= -(2 ** 31) && (value as number) < 2 ** 31 ? null : bad;
    case 'long':
      return Number.isSafeInteger(value) ? null : bad;
    case 'double':
      return typeof value === 'number' && Number.isFinite(value) ? null : bad;
    case 'boolean':
      return typeof value === 'boolean' ? null : bad;
    case 'date':
      return typeof value === 'string' && ISO_DATE.test(value) ? null : `${JSON.stringify(value)} is not an ISO date (YYYY-MM-DD)`;
    case 'timestamp':
      return typeof value === 'string' && ISO_TIMESTAMP.test(value) ? null : `${JSON.stringify(value)} is not an ISO timestamp with a zone`;
    case 'geopoint':
      return typeof value === 'object' && value !== null && typeof (value as { lat?: unknown }).lat === 'number' && typeof (value as { lon?: unknown }).lon === 'number'
        ? null
        : `${JSON.stringify(value)} is not a geopoint {lat, lon}`;
    case 'email':
      return typeof value === 'string' && EMAIL.test(value) ? null : bad;
    case 'phone':
      return typeof value === 'string' && PHONE.test(value) ? null : bad;
    case 'url':
      return typeof value === 'string' && URL.canParse(value) ? null : bad;
  }
}
