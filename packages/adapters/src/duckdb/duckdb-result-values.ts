import {
  DuckDBTypeId,
  type DuckDBDateValue,
  type DuckDBDecimalValue,
  type DuckDBTimestampMillisecondsValue,
  type DuckDBTimestampNanosecondsValue,
  type DuckDBTimestampSecondsValue,
  type DuckDBTimestampTZValue,
  type DuckDBTimestampValue,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';

/**
 * DuckDB types and values -> the QueryEngine's engine-neutral names and JSON-safe serialisation, which the Spark
 * driver (spark/driver/spice_sql_driver.py) mirrors so both engines' results compare equal:
 *   integer -> number; long -> decimal string (always, so a column's JSON type never depends on its values);
 *   double -> number, or 'NaN' / 'Infinity' / '-Infinity'; decimal(p,s) -> string with s fractional digits;
 *   date -> 'YYYY-MM-DD'; timestamp -> UTC 'YYYY-MM-DDTHH:MM:SS.ffffffZ'; other -> DuckDB's own text.
 * HUGEINT and the unsigned 32/64/128-bit types are reported as long: Spark's sum of an integer column is a
 * long where DuckDB's is a HUGEINT, and the string form loses nothing either way.
 */
export function neutralTypeName(type: DuckDBType): string {
  switch (type.typeId) {
    case DuckDBTypeId.VARCHAR:
    case DuckDBTypeId.ENUM:
      return 'string';
    case DuckDBTypeId.TINYINT:
    case DuckDBTypeId.SMALLINT:
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.UTINYINT:
    case DuckDBTypeId.USMALLINT:
      return 'integer';
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.UINTEGER:
    case DuckDBTypeId.UBIGINT:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UHUGEINT:
      return 'long';
    case DuckDBTypeId.FLOAT:
    case DuckDBTypeId.DOUBLE:
      return 'double';
    case DuckDBTypeId.DECIMAL:
      return `decimal(${type.width},${type.scale})`;
    case DuckDBTypeId.BOOLEAN:
      return 'boolean';
    case DuckDBTypeId.DATE:
      return 'date';
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_S:
    case DuckDBTypeId.TIMESTAMP_MS:
    case DuckDBTypeId.TIMESTAMP_NS:
    case DuckDBTypeId.TIMESTAMP_TZ:
      return 'timestamp';
    default:
      return 'other';
  }
}

const DAY_MS = 86_400_000;

/** Formats microseconds since the epoch; outside years 0000-9999 (and ±infinity) DuckDB's own text is kept. */
function isoFromMicros(micros: bigint, fallback: () => string): string {
  const millis = micros / 1000n - (micros % 1000n < 0n ? 1n : 0n);
  const date = new Date(Number(millis));
  if (Number.isNaN(date.getTime()) || date.getUTCFullYear() < 0 || date.getUTCFullYear() > 9999)
    return fallback();
  const subMillis = Number(((micros % 1000n) + 1000n) % 1000n);
  return `${date.toISOString().slice(0, -1)}${String(subMillis).padStart(3, '0')}Z`;
}

function isoDate(value: DuckDBDateValue): string {
  const date = new Date(value.days * DAY_MS);
  if (!value.isFinite || Number.isNaN(date.getTime()) || date.getUTCFullYear() > 9999)
    return value.toString();
  return date.toISOString().slice(0, 10);
}

function jsonSafeDouble(value: number): number | string {
  return Number.isFinite(value) ? value : String(value);
}

/** One value of a column of the given DuckDB type, in the shared serialisation. */
export function serialiseValue(type: DuckDBType, value: DuckDBValue): unknown {
  if (value === null) return null;
  switch (neutralTypeName(type)) {
    case 'string':
    case 'boolean':
    case 'integer':
      return value;
    case 'long':
      return String(value);
    case 'double':
      return jsonSafeDouble(value as number);
    case 'date':
      return isoDate(value as DuckDBDateValue);
    case 'timestamp':
      return isoFromMicros(timestampMicros(type, value), () => String(value));
    default:
      // decimal(p,s) prints with its scale; other types keep DuckDB's own text form.
      return type.typeId === DuckDBTypeId.DECIMAL ? (value as DuckDBDecimalValue).toString() : String(value);
  }
}

function timestampMicros(type: DuckDBType, value: DuckDBValue): bigint {
  switch (type.typeId) {
    case DuckDBTypeId.TIMESTAMP_S:
      return (value as DuckDBTimestampSecondsValue).seconds * 1_000_000n;
    case DuckDBTypeId.TIMESTAMP_MS:
      return (value as DuckDBTimestampMillisecondsValue).millis * 1000n;
    case DuckDBTypeId.TIMESTAMP_NS: {
      // Spark keeps microseconds, so nanoseconds are floored to match.
      const nanos = (value as DuckDBTimestampNanosecondsValue).nanos;
      return nanos / 1000n - (nanos % 1000n < 0n ? 1n : 0n);
    }
    default:
      return (value as DuckDBTimestampValue | DuckDBTimestampTZValue).micros;
  }
}
