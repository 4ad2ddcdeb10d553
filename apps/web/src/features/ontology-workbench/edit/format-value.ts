import { describeDataType, type DataType } from '@spice/domain';

const DATA_TYPE_FIELDS = new Set(['dataType', 'baseType', 'elementType']);

/** A definition value in words for diffs, history and conflicts: data types as `decimal(10,2)`, never raw JSON. */
export function formatValue(value: unknown, path = ''): string {
  const field = path.split('.').at(-1) ?? '';
  if (value === undefined || value === null || value === '') return '—';
  if (DATA_TYPE_FIELDS.has(field)) return describeDataType(value as DataType);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map((v) => formatValue(v)).join(', ');
  const record = value as Record<string, unknown>;
  if (typeof record.apiName === 'string' && record.dataType !== undefined)
    return `${record.apiName}: ${describeDataType(record.dataType as DataType)}${record.required ? ' (required)' : ''}`;
  if (typeof record.apiName === 'string' && typeof record.displayName === 'string') return `${record.apiName} (${record.displayName})`;
  if (typeof record.apiName === 'string') return record.apiName;
  if (typeof record.kind === 'string' && Object.keys(record).length <= 4)
    return `${record.kind}: ${Object.entries(record)
      .filter(([k]) => k !== 'kind')
      .map(([k, v]) => `${k} ${formatValue(v, k)}`)
      .join(', ')}`;
  const entries = Object.entries(record).filter(([, v]) => v !== undefined && v !== null && !(typeof v === 'object' && Object.keys(v as object).length === 0));
  return entries.length === 0 ? '—' : entries.map(([k, v]) => `${k}: ${formatValue(v, k)}`).join('; ');
}

/** A dotted definition path in words: `properties.price.dataType` → `properties › price › dataType`. */
export const formatPath = (path: string): string => path.split('.').join(' › ');
