import type { DuckDBConnection, DuckDBMapValue } from '@duckdb/node-api';
import { sqlIdentifier, sqlLiteral, type ColumnStats, type DatasetColumn } from '@spice/domain';

const HISTOGRAM_BINS = 20;
const TOP_VALUES = 10;
/** Above this many rows distinct counts are HyperLogLog estimates (within a few per cent), not exact. */
const EXACT_DISTINCT_MAX_ROWS = 1_000_000;

type Kind = 'number' | 'temporal' | 'text';

function kindOf(column: DatasetColumn): Kind {
  const t = column.dataType;
  const name = typeof t === 'string' ? t : t.type;
  if (['integer', 'long', 'double', 'decimal', 'money'].includes(name)) return 'number';
  if (name === 'date' || name === 'timestamp') return 'temporal';
  return 'text';
}

/** Dates and timestamps are binned on epoch seconds and their bounds written back as ISO text. */
const numericOf = (column: DatasetColumn, kind: Kind) =>
  kind === 'temporal' ? `epoch(CAST(${sqlIdentifier(column.name)} AS TIMESTAMP))` : `CAST(${sqlIdentifier(column.name)} AS DOUBLE)`;

/**
 * Per-column statistics in two scans whatever the number of columns: the first gathers nulls, distinct counts,
 * ranges and each text column's likely top values; the second counts histogram bins and those top values.
 */
export async function profileColumns(c: DuckDBConnection, source: string, total: number, schema: readonly DatasetColumn[]): Promise<ColumnStats[]> {
  if (schema.length === 0) return [];
  const kinds = schema.map(kindOf);
  const distinct = (col: string) => (total <= EXACT_DISTINCT_MAX_ROWS ? `count(DISTINCT ${col})` : `approx_count_distinct(${col})`);
  const first = schema.map((column, i) => {
    const col = sqlIdentifier(column.name);
    const shape = kinds[i] === 'text' ? `approx_top_k(${col}, ${TOP_VALUES})` : `[min(${numericOf(column, kinds[i]!)}), max(${numericOf(column, kinds[i]!)})]`;
    return `[count(${col})::VARCHAR, ${distinct(col)}::VARCHAR, min(${col})::VARCHAR, max(${col})::VARCHAR], ${shape}`;
  });
  const [basics] = (await c.runAndReadAll(`SELECT ${first.join(', ')} FROM ${source}`)).getRowsJson();

  const second = schema.map((column, i) => {
    const col = sqlIdentifier(column.name);
    const shape = basics![i * 2 + 1] as (string | number | null)[] | null;
    if (kinds[i] === 'text') {
      const candidates = (shape ?? []).filter((v) => v !== null).map((v) => sqlLiteral(String(v)));
      return candidates.length ? `histogram(CASE WHEN ${col}::VARCHAR IN (${candidates.join(', ')}) THEN ${col}::VARCHAR END)` : 'NULL';
    }
    const [lo, hi] = (shape ?? [null, null]).map((v) => (v === null ? null : Number(v)));
    if (lo == null || hi == null) return 'NULL';
    const width = hi > lo ? (hi - lo) / HISTOGRAM_BINS : 1;
    const bins = hi > lo ? HISTOGRAM_BINS : 1;
    return `histogram(least(CAST(floor((${numericOf(column, kinds[i]!)} - ${lo}) / ${width}) AS INTEGER), ${bins - 1}))`;
  });
  const [counted] = (await c.runAndReadAll(`SELECT ${second.join(', ')} FROM ${source}`)).getRows();

  return schema.map((column, i) => {
    const [nonNull, distinctCount, min, max] = basics![i * 2] as (string | null)[];
    const counts = mapEntries(counted![i] as DuckDBMapValue | null);
    const stats: ColumnStats = { name: column.name, nullCount: total - Number(nonNull), distinctCount: Number(distinctCount), min: min ?? null, max: max ?? null, histogram: [], topValues: [] };
    if (kinds[i] === 'text') {
      const topValues = counts.map(([value, count]) => ({ value: String(value), count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
      return { ...stats, topValues };
    }
    const [lo, hi] = ((basics![i * 2 + 1] as (number | string | null)[] | null) ?? [null, null]).map((v) => (v === null ? null : Number(v)));
    if (lo == null || hi == null) return stats;
    const bins = hi > lo ? HISTOGRAM_BINS : 1;
    const width = hi > lo ? (hi - lo) / HISTOGRAM_BINS : 1;
    const byBin = new Map(counts.map(([bin, count]) => [Number(bin), count]));
    const label = (value: number) => (kinds[i] === 'temporal' ? new Date(value * 1000).toISOString() : String(Number(value.toPrecision(12))));
    const histogram = Array.from({ length: bins }, (_, b) => ({ from: label(lo + b * width), to: label(b === bins - 1 ? hi : lo + (b + 1) * width), count: byBin.get(b) ?? 0 }));
    return { ...stats, histogram };
  });
}

function mapEntries(map: DuckDBMapValue | null): [unknown, number][] {
  return (map?.entries ?? []).map((e) => [e.key, Number(e.value)]);
}
