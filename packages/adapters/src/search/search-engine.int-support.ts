import { describe, expect, it } from 'vitest';
import { DomainError, type SearchIndex } from '@spice/domain';
import { testSearchIndex } from '@spice/domain/contracts';

type Adapter = SearchIndex & { close(): Promise<void> };

/** The URL of a running engine from the environment, or a failure that says how to start one. */
export function engineUrl(variable: string, fallback?: string): string {
  const url = process.env[variable] ?? fallback;
  if (!url) {
    throw new Error(
      `${variable} not set: run \`bash scripts/stack up search\` and \`eval "$(bash scripts/stack env search)"\``,
    );
  }
  return url;
}

/** The contract plus what only an Elasticsearch-API engine can show: per-item bulk failures and a dead endpoint. */
export function testEngineSearchIndex(product: string, url: string, create: (url: string) => Adapter): void {
  const http = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`);
    return response.json() as Promise<unknown>;
  };
  // Deletes by explicit name: engines refuse wildcard deletes by default (action.destructive_requires_name).
  const dropTestIndexes = async () => {
    const rows = (await http('GET', '/_cat/indices/contract-*,engine-*?format=json&h=index')) as {
      index: string;
    }[];
    if (rows.length > 0) await http('DELETE', `/${rows.map((r) => r.index).join(',')}`);
  };

  testSearchIndex(`${product} at ${url}`, async () => {
    const index = create(url);
    return {
      index,
      cleanup: async () => {
        await dropTestIndexes();
        await index.close();
      },
    };
  });

  describe(`${product} specifics`, () => {
    it('names the documents an engine rejected inside a bulk request', async () => {
      const index = create(url);
      const name = `engine-${Date.now().toString(36)}-blocked`;
      try {
        await index.ensureIndex(name, { fields: { title: 'text' } });
        await index.index(name, 'kept', { title: 'written before the block' });
        await http('PUT', `/${name}/_block/write`);
        const error = await index
          .bulk(name, [
            { op: 'index', id: 'refused-1', body: { title: 'one' } },
            { op: 'index', id: 'refused-2', body: { title: 'two' } },
          ])
          .then(
            () => undefined,
            (e: unknown) => e,
          );
        expect(error).toBeInstanceOf(DomainError);
        const failure = error as DomainError;
        expect(failure.code).toBe('SEARCH.BULK_FAILED');
        expect(failure.message).toContain('refused-1, refused-2');
        expect(failure.context.failedIds).toEqual(['refused-1', 'refused-2']);
        expect((await index.search(name, {})).hits.map((h) => h.id)).toEqual(['kept']);
      } finally {
        await http('PUT', `/${name}/_settings`, { 'index.blocks.write': false }).catch(() => undefined);
        await dropTestIndexes();
        await index.close();
      }
    });

    it('reports an unreachable engine as unavailable, and unhealthy', async () => {
      // Nothing listens on the discard port of loopback.
      const index = create('http://127.0.0.1:9');
      try {
        const error = await index.search('anything', {}).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(DomainError);
        expect({
          code: (error as DomainError).code,
          kind: (error as DomainError).kind,
          retryable: (error as DomainError).retryable,
        }).toEqual({
          code: 'SEARCH.UNAVAILABLE',
          kind: 'unavailable',
          retryable: true,
        });
        expect(await index.health()).toMatchObject({ adapter: product, mode: 'real', up: false });
      } finally {
        await index.close();
      }
    });

    it('reports a healthy cluster', async () => {
      const index = create(url);
      try {
        const health = await index.health();
        expect(health).toMatchObject({ component: 'search index', adapter: product, mode: 'real', up: true });
      } finally {
        await index.close();
      }
    });
  });
}
