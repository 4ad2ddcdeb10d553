import {
  DomainError,
  conflict,
  isDomainError,
  notFound,
  type BulkOperation,
  type ComponentHealth,
  type IndexMapping,
  type SearchDocumentBody,
  type SearchIndex,
  type SearchQuery,
  type SearchResult,
} from '@spice/domain';
import type { SqlHandle } from '@spice/db';
import { SEARCH_SCHEMA, SQL, searchStatements } from './postgres-search-sql';
import {
  assertBulk,
  assertIndexName,
  assertMapping,
  planSearch,
  sameMapping,
  searchableText,
} from './search-plan';

const WRITE_BATCH = 500;

/**
 * SearchIndex on Postgres full-text search and JSONB, for the embedded default (PGlite) and for PostgreSQL.
 * `sql` is any handle with `query(sql, params)`: a PGlite instance and a pg.Pool both fit.
 */
export function createPostgresSearchIndex(options: {
  sql: SqlHandle;
  mode?: 'embedded' | 'real';
}): SearchIndex {
  return new PostgresSearchIndex(options.sql, options.mode ?? 'embedded');
}

class PostgresSearchIndex implements SearchIndex {
  private schemaReady: Promise<void> | undefined;

  constructor(
    private readonly sql: SqlHandle,
    private readonly mode: 'embedded' | 'real',
  ) {}

  ensureIndex(index: string, mapping: IndexMapping): Promise<void> {
    return this.guard('ensure the index', async () => {
      assertIndexName(index);
      assertMapping(mapping);
      await this.ensureSchema();
      const inserted = await this.sql.query(SQL.insertIndex, [index, JSON.stringify(mapping.fields)]);
      if (inserted.rows.length > 0) return;
      const existing = await this.readMapping(index);
      if (existing === undefined) return this.ensureIndex(index, mapping);
      if (!sameMapping(existing, mapping)) {
        throw conflict(
          'SEARCH.MAPPING_CONFLICT',
          `Index '${index}' exists with another mapping; rebuild it to change the mapping`,
          {
            index,
            existing: existing.fields,
            requested: mapping.fields,
          },
        );
      }
    });
  }

  index(index: string, id: string, body: SearchDocumentBody): Promise<void> {
    return this.bulk(index, [{ op: 'index', id, body }]);
  }

  bulk(index: string, operations: readonly BulkOperation[]): Promise<void> {
    return this.guard('write documents', async () => {
      const mapping = await this.mappingOf(index);
      assertBulk(mapping, operations);
      await this.write(index, mapping, operations);
    });
  }

  delete(index: string, id: string): Promise<void> {
    return this.bulk(index, [{ op: 'delete', id }]);
  }

  search(index: string, query: SearchQuery): Promise<SearchResult> {
    return this.guard('search', async () => {
      const statements = searchStatements(index, planSearch(await this.mappingOf(index), query));
      const [count, page] = await Promise.all([
        this.sql.query<{ total: number }>(statements.count.sql, [...statements.count.params]),
        this.sql.query<{ id: string; body: SearchDocumentBody; score: number }>(statements.page.sql, [
          ...statements.page.params,
        ]),
      ]);
      return {
        total: Number(count.rows[0]?.total ?? 0),
        hits: page.rows.map((row) => ({ id: row.id, score: Number(row.score), body: row.body })),
      };
    });
  }

  rebuild(
    index: string,
    mapping: IndexMapping,
    documents:
      | AsyncIterable<{ id: string; body: SearchDocumentBody }>
      | Iterable<{ id: string; body: SearchDocumentBody }>,
  ): Promise<void> {
    return this.guard('rebuild the index', async () => {
      assertIndexName(index);
      assertMapping(mapping);
      await this.ensureSchema();
      // Dropping the index row cascades to its documents.
      await this.sql.query(SQL.dropIndex, [index]);
      await this.ensureIndex(index, mapping);
      let batch: BulkOperation[] = [];
      for await (const document of documents) {
        batch.push({ op: 'index', id: document.id, body: document.body });
        if (batch.length === WRITE_BATCH) {
          assertBulk(mapping, batch);
          await this.write(index, mapping, batch);
          batch = [];
        }
      }
      assertBulk(mapping, batch);
      await this.write(index, mapping, batch);
    });
  }

  async health(): Promise<ComponentHealth> {
    const base = { component: 'search index', adapter: 'Postgres full-text', mode: this.mode } as const;
    try {
      await this.sql.query(SQL.ping);
      return {
        ...base,
        up: true,
        detail: this.mode === 'embedded' ? 'PGlite tsvector + JSONB' : 'PostgreSQL tsvector + JSONB',
      };
    } catch (e) {
      return { ...base, up: false, detail: e instanceof Error ? e.message : String(e) };
    }
  }

  /**
   * Applies the operations in order: only the last operation on each id decides what is stored. One
   * statement, so the documents change together or not at all.
   */
  private async write(
    index: string,
    mapping: IndexMapping,
    operations: readonly BulkOperation[],
  ): Promise<void> {
    if (operations.length === 0) return;
    const last = new Map<string, BulkOperation>();
    for (const operation of operations) last.set(operation.id, operation);
    const finals = [...last.values()];
    const upserts = finals.flatMap((o) =>
      o.op === 'index' ? [{ id: o.id, body: o.body, text: searchableText(mapping, o.body) }] : [],
    );
    const deletes = finals.flatMap((o) => (o.op === 'delete' ? [o.id] : []));
    await this.sql.query(SQL.writeDocuments, [index, JSON.stringify(upserts), JSON.stringify(deletes)]);
  }

  private async mappingOf(index: string): Promise<IndexMapping> {
    assertIndexName(index);
    await this.ensureSchema();
    const mapping = await this.readMapping(index);
    if (mapping === undefined)
      throw notFound(
        'SEARCH.INDEX_NOT_FOUND',
        `Search index '${index}' does not exist; call ensureIndex first`,
        { index },
      );
    return mapping;
  }

  private async readMapping(index: string): Promise<IndexMapping | undefined> {
    const { rows } = await this.sql.query<{ mapping: IndexMapping['fields'] | string }>(SQL.readMapping, [
      index,
    ]);
    const row = rows[0];
    if (row === undefined) return undefined;
    return { fields: typeof row.mapping === 'string' ? JSON.parse(row.mapping) : row.mapping };
  }

  private ensureSchema(): Promise<void> {
    this.schemaReady ??= (async () => {
      for (const statement of SEARCH_SCHEMA) await this.sql.query(statement);
    })().catch((e: unknown) => {
      this.schemaReady = undefined;
      throw e;
    });
    return this.schemaReady;
  }

  /** Turns driver errors into DomainErrors: lost connections are retryable, a vanished index is not_found. */
  private async guard<T>(action: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (e) {
      if (isDomainError(e)) throw e;
      const code = (e as { code?: unknown }).code;
      if (code === '23503') {
        throw notFound(
          'SEARCH.INDEX_NOT_FOUND',
          `The search index was dropped while writing to it (${action})`,
        );
      }
      const connectionLost =
        typeof code === 'string' &&
        (/^(08|57P)/.test(code) || /^(ECONN|ETIMEDOUT|ENOTFOUND|EPIPE)/.test(code));
      const message = e instanceof Error ? e.message : String(e);
      throw new DomainError({
        code: connectionLost ? 'SEARCH.UNAVAILABLE' : 'SEARCH.STORE_FAILED',
        kind: connectionLost ? 'unavailable' : 'precondition',
        message: `Postgres search could not ${action}: ${message}`,
        context: { action, ...(typeof code === 'string' ? { sqlState: code } : {}) },
        cause: e,
      });
    }
  }
}
