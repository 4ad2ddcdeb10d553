import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('configuration', () => {
  it('chooses every embedded adapter when nothing is set', () => {
    const c = loadConfig({});
    expect(c.relational).toEqual({ kind: 'pglite', dataDir: './.spice/pglite' });
    expect(c.objectStore).toEqual({ kind: 'local', root: './.spice/objects' });
    expect(c.bus).toEqual({ kind: 'in-process' });
    expect(c.search).toEqual({ kind: 'postgres' });
    expect(c.queryEngine).toEqual({ kind: 'duckdb' });
  });

  it('chooses each real adapter from its variable', () => {
    const c = loadConfig({
      DATABASE_URL: 'postgres://u:p@127.0.0.1:5433/spice',
      S3_ENDPOINT: 'http://127.0.0.1:9000',
      KAFKA_BROKERS: '127.0.0.1:39092,127.0.0.1:39093',
      ELASTICSEARCH_URL: 'http://127.0.0.1:9200',
      SEARCH_ENGINE: 'opensearch',
      SPARK_MASTER: 'local[2]',
    });
    expect(c.relational.kind).toBe('postgres');
    expect(c.objectStore).toMatchObject({ kind: 's3', endpoint: 'http://127.0.0.1:9000', bucket: 'spice-event-store' });
    expect(c.bus).toMatchObject({ kind: 'kafka', brokers: ['127.0.0.1:39092', '127.0.0.1:39093'] });
    expect(c.search).toEqual({ kind: 'opensearch', url: 'http://127.0.0.1:9200' });
    expect(c.queryEngine).toMatchObject({ kind: 'spark', master: 'local[2]' });
  });

  it('treats blank variables as absent', () => {
    expect(loadConfig({ DATABASE_URL: '  ', KAFKA_BROKERS: '' }).bus.kind).toBe('in-process');
  });

  it('names each invalid variable and what it expects', () => {
    let error: unknown;
    try {
      loadConfig({ DATABASE_URL: 'mysql://x', KAFKA_BROKERS: 'localhost', SPARK_MASTER: 'mesos://x', SEARCH_ENGINE: 'solr' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems.map((p) => p.variable).sort()).toEqual(['DATABASE_URL', 'KAFKA_BROKERS', 'SEARCH_ENGINE', 'SPARK_MASTER']);
    expect((error as ConfigError).message).toContain('DATABASE_URL: must be a postgres:// or postgresql:// URL');
    expect((error as ConfigError).message).toContain('KAFKA_BROKERS: must be a comma-separated list of host:port');
  });

  it('reads the internal networks connectors may reach, and names a bad entry', () => {
    expect(loadConfig({}).connectors.allowedNetworks).toEqual([]);
    expect(loadConfig({ CONNECTOR_ALLOWED_NETWORKS: '127.0.0.1, 10.20.0.0/16,fd00::/8' }).connectors.allowedNetworks).toEqual(['127.0.0.1', '10.20.0.0/16', 'fd00::/8']);
    expect(() => loadConfig({ CONNECTOR_ALLOWED_NETWORKS: '10.0.0.0/8,intranet' })).toThrow(
      'CONNECTOR_ALLOWED_NETWORKS: "intranet" is not an IP address or network (e.g. 10.0.0.0/8)',
    );
  });
});
