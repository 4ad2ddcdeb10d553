import type { SearchFieldType } from '@spice/domain';
import type { SearchPlan } from './search-plan';

/**
 * All SQL of the Postgres search projection, in one place. Every value and every field name travels as a bind
 * parameter; the only text spliced into statements is `$n` placeholders and fixed fragments chosen by field type.
 * Field names are also checked against the index mapping before they get here.
 */

/** Run in order by ensureIndex/rebuild (PGlite's query() takes one statement at a time). */
export const SEARCH_SCHEMA: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS search_indexes (
     index_name text PRIMARY KEY,
     mapping jsonb NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS search_documents (
     index_name text NOT NULL REFERENCES search_indexes (index_name) ON DELETE CASCADE,
     id text NOT NULL,
     body jsonb NOT NULL,
     tsv tsvector NOT NULL,
     PRIMARY KEY (index_name, id)
   )`,
  `CREATE INDEX IF NOT EXISTS search_documents_tsv_idx ON search_documents USING gin (tsv)`,
];

export const SQL = {
  insertIndex: `INSERT INTO search_indexes (index_name, mapping) VALUES ($1, $2::text::jsonb)
                ON CONFLICT (index_name) DO NOTHING RETURNING index_name`,
  readMapping: `SELECT mapping FROM search_indexes WHERE index_name = $1`,
  dropIndex: `DELETE FROM search_indexes WHERE index_name = $1`,
  /**
   * One statement, so a bulk write is all or nothing. $2: JSON array of { id, body, text } to upsert (`text` is
   * the joined text fields); $3: JSON array of ids to delete. No id is in both.
   */
  writeDocuments: `WITH upserted AS (
                     INSERT INTO search_documents (index_name, id, body, tsv)
                     SELECT $1, d.id, d.body, to_tsvector('simple', d.text)
                     FROM jsonb_to_recordset($2::text::jsonb) AS d (id text, body jsonb, text text)
                     ON CONFLICT (index_name, id) DO UPDATE SET body = excluded.body, tsv = excluded.tsv
                     RETURNING 1
                   )
                   DELETE FROM search_documents
                   WHERE index_name = $1 AND id IN (SELECT jsonb_array_elements_text($3::text::jsonb))`,
  ping: `SELECT 1`,
} as const;

export interface SearchStatements {
  readonly count: { readonly sql: string; readonly params: readonly unknown[] };
  readonly page: { readonly sql: string; readonly params: readonly unknown[] };
}

/** The count and the page of one search, over the same WHERE clause. */
export function searchStatements(index: string, plan: SearchPlan): SearchStatements {
  const params: unknown[] = [];
  const bind = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where = [`index_name = ${bind(index)}`];
  let score = '1::real';
  if (plan.words.length > 0) {
    const query = `to_tsquery('simple', ${bind(toTsQuery(plan.words))}::text)`;
    where.push(`tsv @@ ${query}`);
    score = `ts_rank(tsv, ${query})`;
  }
  for (const filter of plan.filters) {
    const value = fieldValue(bind(filter.field), filter.type);
    if (filter.op === 'in') {
      const element = typed('v.x', filter.type);
      where.push(
        `${value} IN (SELECT ${element} FROM jsonb_array_elements_text(${bind(JSON.stringify(filter.values))}::text::jsonb) AS v (x))`,
      );
    } else {
      if (filter.gte !== undefined)
        where.push(`${value} >= ${typed(`${bind(String(filter.gte))}::text`, filter.type)}`);
      if (filter.lte !== undefined)
        where.push(`${value} <= ${typed(`${bind(String(filter.lte))}::text`, filter.type)}`);
    }
  }
  const whereSql = where.join(' AND ');
  const countParams = [...params];
  const order = plan.sort.map((s) => {
    const value = fieldValue(bind(s.field), s.type);
    return `${s.type === 'text' || s.type === 'keyword' ? `${value} COLLATE "C"` : value} ${s.direction === 'asc' ? 'ASC' : 'DESC'} NULLS LAST`;
  });
  if (plan.words.length > 0) order.push('score DESC');
  // Byte order, like the engines' keyword sort on the document id.
  order.push('id COLLATE "C" ASC');
  return {
    count: {
      sql: `SELECT count(*)::int AS total FROM search_documents WHERE ${whereSql}`,
      params: countParams,
    },
    page: {
      sql: `SELECT id, body, ${score} AS score FROM search_documents WHERE ${whereSql}
            ORDER BY ${order.join(', ')} LIMIT ${bind(plan.limit)}::int OFFSET ${bind(plan.offset)}::int`,
      params,
    },
  };
}

/** Words are letters and digits only (see wordsOf), so quoting them cannot break out of the tsquery syntax. */
export function toTsQuery(words: readonly string[]): string {
  return words.map((word, i) => `'${word}'${i === words.length - 1 ? ':*' : ''}`).join(' & ');
}

/** The field's value with its SQL type, or NULL when the document holds something else there. */
function fieldValue(key: string, type: SearchFieldType): string {
  const field = `body -> ${key}::text`;
  const text = `body ->> ${key}::text`;
  switch (type) {
    case 'text':
    case 'keyword':
      return `(CASE WHEN jsonb_typeof(${field}) = 'string' THEN ${text} END)`;
    case 'integer':
    case 'double':
      return `(CASE WHEN jsonb_typeof(${field}) = 'number' THEN (${text})::numeric END)`;
    case 'boolean':
      return `(CASE WHEN jsonb_typeof(${field}) = 'boolean' THEN (${text})::boolean END)`;
    case 'date':
      return `(CASE WHEN jsonb_typeof(${field}) = 'string' THEN ${typed(text, 'date')} END)`;
    default: {
      const exhaustive: never = type;
      return exhaustive;
    }
  }
}

/** Casts a text expression to the field type's SQL type. */
function typed(textExpression: string, type: SearchFieldType): string {
  switch (type) {
    case 'text':
    case 'keyword':
      return textExpression;
    case 'integer':
    case 'double':
      return `(${textExpression})::numeric`;
    case 'boolean':
      return `(${textExpression})::boolean`;
    case 'date':
      // A calendar date means midnight UTC, as in Elasticsearch, whatever the session's time zone.
      return `(CASE WHEN length(${textExpression}) = 10 THEN ${textExpression} || 'T00:00:00Z' ELSE ${textExpression} END)::timestamptz`;
    default: {
      const exhaustive: never = type;
      return exhaustive;
    }
  }
}
