import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectorScheduler, type ConnectorRun, type CreateConnectorInput, type DomainError } from '@spice/domain';
import { createSystem, type System } from '../../composition/composition-root';
import { createLogger } from '../../logging/logger';
import { uuidV7Ids } from '../../system/system-clock';
import { forEachStack } from '../../write-path/support/test-stacks.int-support';
import { FakeGoogle } from './fake-google.int-support';
import { SourceServer } from './source-server.int-support';

const ada = { id: 'ada@spice.local' };
const SHEET = '1portsSheetAbCdEfGhIjKlMnOpQrStUvWxYz0123456';
const V1 = 'id,name,tonnage\nS1,Aurora,1200\nS2,Borealis,800\n';
const V2 = 'id,name,tonnage\nS1,Aurora,1300\nS2,Borealis,800\nS3,Cygnus,950\n';

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('expected a refusal');
}

forEachStack('dataset connectors: change detection, run history and the scheduler', (stack) => {
  let system: System;
  let source: SourceServer;
  let google: FakeGoogle;
  let keyDir: string;
  const datasetId = (name: string) => `${name}-${stack.run}`;

  /** The stack's system, with connector settings pointing at the local source and the local Google. */
  const openSystem = async () =>
    createSystem(
      {
        ...stack.config(),
        connectors: {
          ...stack.config().connectors,
          secrets: { FLEET_TOKEN: 'Bearer s3cret' },
          // The sources are served on loopback, an internal network connectors may reach only when allowed.
          allowedNetworks: ['127.0.0.1'],
          google: { serviceAccountKeyFile: join(keyDir, 'key.json'), docsUrl: source.baseUrl, sheetsApiUrl: google.baseUrl, tokenUrl: google.tokenUrl },
        },
      },
      createLogger('warn'),
    );

  beforeAll(async () => {
    [source, google] = await Promise.all([SourceServer.start(), FakeGoogle.start()]);
    keyDir = await mkdtemp(join(tmpdir(), 'spice-connector-key-'));
    await google.writeKeyFile(join(keyDir, 'key.json'));
    system = await openSystem();
    for (const name of ['fleet', 'plain', 'slow', 'ports', 'sheet', 'sched']) await system.datasets.createDataset({ datasetId: datasetId(name), name }, ada);
  });
  afterAll(async () => {
    await system?.stop();
    await Promise.all([source?.stop(), google?.stop()]);
    if (keyDir) await rm(keyDir, { recursive: true, force: true });
  });

  const create = async (input: Omit<CreateConnectorInput, 'name'> & { name?: string }) =>
    (await system.connectors.create({ name: 'Feed', ...input }, ada)).connectorId;
  const versions = async (dataset: string) => (await system.datasets.dataset(datasetId(dataset))).versions;
  const head = async (dataset: string) => (await system.datasets.version(datasetId(dataset), 'main')).versionId;

  describe('an HTTP CSV source with ETag and Last-Modified', () => {
    let connectorId: string;
    const runs: ConnectorRun[] = [];

    it('the first run commits a version from the connector', async () => {
      source.set('/fleet.csv', { body: V1 });
      connectorId = await create({ name: 'Fleet feed', datasetId: datasetId('fleet'), source: { kind: 'http', url: source.url('/fleet.csv'), headers: [{ name: 'Accept', value: 'text/csv' }] } });
      const run = await system.connectors.runNow(connectorId, ada);
      runs.push(run);
      expect(run).toMatchObject({ connectorId, trigger: 'manual', scheduledFor: null, outcome: 'committed', unchangedBy: null, error: null, sizeBytes: V1.length });
      expect(run.finishedAt).not.toBeNull();
      expect(run.versionId).toBe(await head('fleet'));
      const version = await system.datasets.version(datasetId('fleet'), 'main');
      expect(version).toMatchObject({
        author: ada.id,
        rowCount: 2,
        message: `Fetched by connector "Fleet feed" from ${source.url('/fleet.csv')}`,
        source: { kind: 'connector', connectorId, jobId: run.ingestJobId, idempotencyKey: `connector:${connectorId}:${run.contentHash}`, contentHash: run.contentHash, fileName: 'fleet.csv', format: 'csv' },
      });
      expect(version.schema.map((c) => [c.name, c.dataType])).toEqual([
        ['id', 'string'],
        ['name', 'string'],
        ['tonnage', 'integer'],
      ]);
      expect(source.requestsTo('/fleet.csv')).toEqual([{ path: '/fleet.csv', ifNoneMatch: null, ifModifiedSince: null, status: 200 }]);
    });

    it('the second run sends the validators back, is answered 304, and commits nothing', async () => {
      const run = await system.connectors.runNow(connectorId, ada);
      runs.push(run);
      expect(run).toMatchObject({ outcome: 'unchanged', unchangedBy: 'not-modified', versionId: null, etag: runs[0]!.etag, lastModified: runs[0]!.lastModified, contentHash: runs[0]!.contentHash });
      expect(source.requestsTo('/fleet.csv').at(-1)).toEqual({ path: '/fleet.csv', ifNoneMatch: runs[0]!.etag, ifModifiedSince: runs[0]!.lastModified, status: 304 });
      expect(await versions('fleet')).toHaveLength(1);
    });

    it('changed content commits a new version on top', async () => {
      source.set('/fleet.csv', { body: V2 });
      const run = await system.connectors.runNow(connectorId, ada);
      runs.push(run);
      expect(run).toMatchObject({ outcome: 'committed', sizeBytes: V2.length });
      expect(run.etag).not.toBe(runs[0]!.etag);
      expect(await system.datasets.version(datasetId('fleet'), 'main')).toMatchObject({ versionId: run.versionId, parentId: runs[0]!.versionId, rowCount: 3 });
    });

    it('content going back to an earlier version restores that version as a new commit', async () => {
      source.set('/fleet.csv', { body: V1 });
      const run = await system.connectors.runNow(connectorId, ada);
      runs.push(run);
      expect(run).toMatchObject({ outcome: 'committed', contentHash: runs[0]!.contentHash });
      expect(await system.datasets.version(datasetId('fleet'), 'main')).toMatchObject({ versionId: run.versionId, revertOf: runs[0]!.versionId, parentId: runs[2]!.versionId, rowCount: 2 });
      expect(await versions('fleet')).toHaveLength(3);
    });

    it('the run history lists every run, newest first', async () => {
      const history = await system.connectors.runs(connectorId);
      expect(history.map((r) => [r.runId, r.outcome])).toEqual(runs.map((r) => [r.runId, r.outcome]).reverse());
      expect((await system.connectors.get(connectorId)).lastRun).toEqual(history[0]);
    });
  });

  it('a source without validators but with the same bytes is unchanged by its hash', async () => {
    source.set('/plain.csv', { body: V1, validators: false });
    const connectorId = await create({ datasetId: datasetId('plain'), source: { kind: 'http', url: source.url('/plain.csv'), headers: [] } });
    const first = await system.connectors.runNow(connectorId, ada);
    expect(first).toMatchObject({ outcome: 'committed', etag: null, lastModified: null });
    const second = await system.connectors.runNow(connectorId, ada);
    expect(second).toMatchObject({ outcome: 'unchanged', unchangedBy: 'content-hash', contentHash: first.contentHash, versionId: null });
    expect(source.requestsTo('/plain.csv').map((r) => r.status)).toEqual([200, 200]);
    expect(await versions('plain')).toHaveLength(1);
  });

  it('a failing source is a failed run with the message; nothing is committed, and the next good fetch lands', async () => {
    source.set('/ports.csv', { body: '', status: 500 });
    const connectorId = await create({ datasetId: datasetId('ports'), source: { kind: 'http', url: source.url('/ports.csv'), headers: [{ name: 'Authorization', secret: 'FLEET_TOKEN' }] } });
    const failed = await system.connectors.runNow(connectorId, ada);
    expect(failed).toMatchObject({
      outcome: 'failed',
      versionId: null,
      error: { code: 'CONNECTOR.SOURCE_HTTP_ERROR', message: `GET ${source.url('/ports.csv')} answered 500 Internal Server Error: the source failed with 500` },
    });
    expect(await versions('ports')).toEqual([]);
    source.set('/ports.csv', { body: 'port,ships\nBusan,12\n', requireAuthorization: 'Bearer s3cret' });
    expect(await system.connectors.runNow(connectorId, ada)).toMatchObject({ outcome: 'committed' });
  });

  it('a file that cannot be read is a failed run naming the problem', async () => {
    source.set('/ragged.csv', { body: 'id,name,amount\n1,a,10\n2,b,20\n3,c,30,x,y\n4,d\n5,e,50\n' });
    const connectorId = await create({ datasetId: datasetId('ports'), branch: 'main', source: { kind: 'http', url: source.url('/ragged.csv'), headers: [] } });
    const run = await system.connectors.runNow(connectorId, ada);
    expect(run.outcome).toBe('failed');
    expect(run.error?.code).toBe('DATASET.BAD_INPUT');
    expect(run.error?.message).toContain('Line 4 has 5 fields; the header has 3 (columns id, name, amount).');
    expect(run.ingestJobId).not.toBeNull();
  });

  it('a manual run while another run holds the connector is refused; the first run finishes', async () => {
    let open!: () => void;
    source.set('/slow.csv', { body: V1, gate: new Promise<void>((resolve) => (open = resolve)) });
    const connectorId = await create({ datasetId: datasetId('slow'), source: { kind: 'http', url: source.url('/slow.csv'), headers: [] } });
    const first = system.connectors.runNow(connectorId, ada);
    await source.arrived('/slow.csv');
    const second = await refusal(system.connectors.runNow(connectorId, ada));
    expect(second).toMatchObject({ code: 'CONNECTOR.RUN_IN_PROGRESS', kind: 'conflict', message: `Connector ${connectorId} is being run already; its run will show in the history` });
    open();
    expect(await first).toMatchObject({ outcome: 'committed' });
    expect(await system.connectors.runs(connectorId)).toHaveLength(1);
  });

  describe('Google Sheets', () => {
    it('the published CSV export of a sheet', async () => {
      source.set(`/spreadsheets/d/${SHEET}/export?format=csv&gid=3`, { body: '', redirectTo: '/googleusercontent/sheet-3.csv' });
      source.set('/googleusercontent/sheet-3.csv', { body: 'port,ships\nBusan,12\nIncheon,7\n' });
      const connectorId = await create({ datasetId: datasetId('sheet'), source: { kind: 'google-sheets-csv', url: `https://docs.google.com/spreadsheets/d/${SHEET}/edit#gid=3` } });
      expect(await system.connectors.get(connectorId)).toMatchObject({
        source: { kind: 'google-sheets-csv', spreadsheetId: SHEET, gid: '3' },
        sourceLabel: `https://docs.google.com/spreadsheets/d/${SHEET}/export?format=csv&gid=3`,
      });
      expect(await system.connectors.runNow(connectorId, ada)).toMatchObject({ outcome: 'committed' });
      expect(await system.datasets.version(datasetId('sheet'), 'main')).toMatchObject({ rowCount: 2, source: { fileName: `${SHEET}.csv` } });
      expect(await system.connectors.runNow(connectorId, ada)).toMatchObject({ outcome: 'unchanged', unchangedBy: 'not-modified' });
    });

    it('the Sheets API with a service-account key: committed once, then unchanged by hash', async () => {
      await system.datasets.createBranch(datasetId('sheet'), { branch: 'api', from: 'main' }, ada);
      google.setValues(SHEET, 'Ports!A1:C', [['port', 'ships', 'note'], ['Busan', '12'], ['Incheon', '7', 'dredging, "north" berth']]);
      const connectorId = await create({ datasetId: datasetId('sheet'), branch: 'api', source: { kind: 'google-sheets-api', spreadsheetId: SHEET, range: 'Ports!A1:C' } });
      const first = await system.connectors.runNow(connectorId, ada);
      expect(first).toMatchObject({ outcome: 'committed', etag: null });
      const version = await system.datasets.version(datasetId('sheet'), 'api');
      expect(version).toMatchObject({ versionId: first.versionId, rowCount: 2, source: { kind: 'connector', connectorId } });
      const page = await system.datasetReads.preview({ userId: ada.id, roles: [] }, { datasetId: datasetId('sheet'), ref: 'api', sort: { column: 'port', direction: 'asc' } });
      expect(page.rows).toEqual([
        ['Busan', 12, null],
        ['Incheon', 7, 'dredging, "north" berth'],
      ]);
      expect(await system.connectors.runNow(connectorId, ada)).toMatchObject({ outcome: 'unchanged', unchangedBy: 'content-hash' });
      expect(google.tokenRequests.length).toBeGreaterThanOrEqual(1);
    });
  });

  describe('the scheduler, driven by an explicit now', () => {
    let connectorId: string;
    let firstSlot: Date;
    const minutesAfter = (at: Date, minutes: number, seconds = 0) => new Date(at.getTime() + minutes * 60_000 + seconds * 1000);
    const ours = (runs: readonly ConnectorRun[]) => runs.filter((r) => r.connectorId === connectorId);

    beforeAll(async () => {
      source.set('/sched.csv', { body: V1 });
      connectorId = await create({ datasetId: datasetId('sched'), schedule: '* * * * *', source: { kind: 'http', url: source.url('/sched.csv'), headers: [] } });
      const createdAt = new Date((await system.connectors.get(connectorId)).createdAt);
      firstSlot = new Date(Math.floor(createdAt.getTime() / 60_000) * 60_000 + 60_000);
    });

    it('nothing is due before the first minute after the connector was created', async () => {
      expect(ours((await system.connectorScheduler.tick(new Date(firstSlot.getTime() - 1))).runs)).toEqual([]);
      expect((await system.connectors.get(connectorId)).nextRunAt).toBe(firstSlot.toISOString());
    });

    it('the slot that fired runs once', async () => {
      const tick = await system.connectorScheduler.tick(minutesAfter(firstSlot, 0, 5));
      expect(tick.errors).toEqual([]);
      expect(ours(tick.runs)).toMatchObject([{ trigger: 'schedule', scheduledFor: firstSlot.toISOString(), outcome: 'committed' }]);
      expect(ours((await system.connectorScheduler.tick(minutesAfter(firstSlot, 0, 40))).runs)).toEqual([]);
      expect((await system.connectors.get(connectorId)).nextRunAt).toBe(minutesAfter(firstSlot, 1).toISOString());
    });

    it('slots missed while no scheduler ran are run once, for the latest', async () => {
      const tick = await system.connectorScheduler.tick(minutesAfter(firstSlot, 5, 10));
      expect(ours(tick.runs)).toMatchObject([{ scheduledFor: minutesAfter(firstSlot, 5).toISOString(), outcome: 'unchanged', unchangedBy: 'not-modified' }]);
    });

    it('a paused connector is not run; resumed, it counts from the resume', async () => {
      await system.connectors.pause(connectorId, ada);
      expect(ours((await system.connectorScheduler.tick(minutesAfter(firstSlot, 8))).runs)).toEqual([]);
      expect((await system.connectors.get(connectorId)).nextRunAt).toBeNull();
      await system.connectors.resume(connectorId, ada);
    });

    it('two schedulers racing for a slot: one run', async () => {
      source.set('/sched.csv', { body: V2 });
      // On the real stack the second scheduler is another system, with its own connection pool, as another process would be.
      const other = stack.kind === 'real' ? await openSystem() : null;
      try {
        const a = new ConnectorScheduler(system.connectors, uuidV7Ids);
        const b = new ConnectorScheduler((other ?? system).connectors, uuidV7Ids);
        const at = minutesAfter(firstSlot, 30);
        const ticks = await Promise.all([a.tick(at), b.tick(at), a.tick(at), b.tick(at)]);
        const ran = ticks.flatMap((t) => ours(t.runs));
        expect(ran).toMatchObject([{ scheduledFor: minutesAfter(firstSlot, 30).toISOString(), outcome: 'committed' }]);
        const history = await system.connectors.runs(connectorId);
        expect(history.filter((r) => r.scheduledFor === at.toISOString())).toHaveLength(1);
        expect(await versions('sched')).toHaveLength(2);
        // A scheduler that worked out what was due before that run, and claims only after it finished, gets nothing.
        expect(await (other ?? system).connectors.runScheduled(connectorId, at, 'connector-scheduler.late')).toBeNull();
        expect(await system.connectors.runs(connectorId)).toHaveLength(history.length);
      } finally {
        await other?.stop();
      }
    });
  });

  describe('managing connectors', () => {
    it('a bad cron expression is refused naming the field; a missing dataset is named', async () => {
      const bad = await refusal(create({ datasetId: datasetId('fleet'), schedule: '*/5 * * *', source: { kind: 'http', url: source.url('/fleet.csv') } }));
      expect(bad).toMatchObject({ code: 'CONNECTOR.INVALID_INPUT', kind: 'invalid' });
      expect(bad.issues).toEqual([
        {
          path: 'schedule',
          rule: 'cron',
          message: '"*/5 * * *" is not a valid cron schedule: it has 4 field(s), five are needed (minute hour day-of-month month day-of-week) (e.g. "*/15 * * * *" for every 15 minutes, or @daily)',
        },
      ]);
      const missing = await refusal(create({ datasetId: 'no-such-dataset', source: { kind: 'http', url: source.url('/fleet.csv') } }));
      expect(missing).toMatchObject({ code: 'DATASET.NOT_FOUND', message: 'There is no dataset "no-such-dataset"' });
    });

    it('lists, updates, pauses and deletes', async () => {
      const connectorId = await create({ name: 'Zulu feed', datasetId: datasetId('plain'), source: { kind: 'http', url: source.url('/plain.csv') } });
      const listed = await system.connectors.list({ datasetId: datasetId('plain') });
      expect(listed.map((c) => c.name)).toEqual(['Feed', 'Zulu feed']);
      const seq = (await system.connectors.get(connectorId)).seq;
      await system.connectors.update(connectorId, { schedule: '@hourly', expectedSeq: seq }, ada);
      expect(await system.connectors.get(connectorId)).toMatchObject({ schedule: '@hourly', enabled: true, seq: seq + 1 });
      const stale = await refusal(system.connectors.update(connectorId, { name: 'Yankee', expectedSeq: seq }, ada));
      expect(stale).toMatchObject({ code: 'CONNECTOR.STALE', context: { connectorId, currentSeq: seq + 1 } });
      await system.connectors.pause(connectorId, ada);
      expect(await system.connectors.get(connectorId)).toMatchObject({ enabled: false, nextRunAt: null });
      await system.connectors.delete(connectorId, ada);
      expect(await refusal(system.connectors.get(connectorId))).toMatchObject({ code: 'CONNECTOR.NOT_FOUND', message: `There is no connector ${connectorId}` });
      expect(await refusal(system.connectors.runNow(connectorId, ada))).toMatchObject({ code: 'CONNECTOR.NOT_FOUND' });
      expect((await system.connectors.list({ datasetId: datasetId('plain') })).map((c) => c.name)).toEqual(['Feed']);
    });
  });
});
