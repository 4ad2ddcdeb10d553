import type { EventEnvelope } from '../eventstore/envelope';
import type { EventStore } from '../eventstore/event-store.port';
import type { Clock, IdGenerator } from '../ports/clock.port';
import type { CommandLog } from '../ports/command-log.port';
import { conflict, isDomainError, notFound } from '../shared/errors';
import { parseOrThrow } from '../shared/zod-issues';
import { CONNECTOR_CATALOG_ID, connectorCatalog } from '../datasets/connectors/connector-catalog';
import { ZCreateConnectorInput, ZUpdateConnectorInput, type ConnectorCommand } from '../datasets/connectors/connector.commands';
import { decideConnector, expectValidDefinition } from '../datasets/connectors/connector.decide';
import { CONNECTOR_AGGREGATE, CONNECTOR_EVENT_SCHEMA_VERSION, type ConnectorDefinition, type RecordedConnectorEvent } from '../datasets/connectors/connector.events';
import { evolveConnector, initialConnectorState, type ConnectorState } from '../datasets/connectors/connector.state';
import type { ConnectorRun, ConnectorRunError, ConnectorRunResult, ConnectorRunStore } from '../datasets/connectors/connector-run.port';
import { dueSlot, nextRunAfter } from '../datasets/connectors/connector-schedule';
import { describeSource, sourceFileName } from '../datasets/connectors/connector-source';
import type { SourceFetcher } from '../datasets/connectors/source-fetcher.port';
import type { ScratchSpace } from '../datasets/ingest/scratch.port';
import type { DatasetIngestService, ReceivedFile } from './dataset-ingest-service';
import type { DatasetService } from './dataset-service';
import { StreamCommandRunner, type Actor, type CommandOutcome } from './stream-command-runner';

/** How long a run holds its connector before another process may take it for dead; renewed while it runs. */
const RUN_LEASE_MS = 60_000;

/** Who the versions of scheduled runs are committed by. */
export const CONNECTOR_SCHEDULER_ACTOR: Actor = { id: 'system:connector-scheduler' };

export interface ConnectorServiceDeps {
  readonly events: EventStore;
  readonly commands: CommandLog;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly datasets: DatasetService;
  readonly ingest: DatasetIngestService;
  readonly fetcher: SourceFetcher;
  readonly runs: ConnectorRunStore;
  readonly scratch: ScratchSpace;
  readonly leaseMs?: number;
}

export interface ConnectorView extends ConnectorDefinition {
  readonly connectorId: string;
  /** Where the data is read from, in one line (the export URL of a sheet). */
  readonly sourceLabel: string;
  readonly enabled: boolean;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedBy: string;
  readonly updatedAt: string;
  /** When the schedule fires next (in the past when a run is due); null when paused or not scheduled. */
  readonly nextRunAt: string | null;
  readonly lastRun: ConnectorRun | null;
  readonly seq: number;
}

/** A connector due to run, and the schedule slot the run stands for. */
export interface DueConnector {
  readonly connectorId: string;
  readonly slot: Date;
}

const toRecorded = (e: EventEnvelope) =>
  ({ type: e.eventType, data: e.payload, metadata: { sequenceNumber: e.sequenceNumber, actor: e.actor, occurredAt: e.occurredAt } }) as unknown as RecordedConnectorEvent;

/**
 * Connectors: sources (an HTTP(S) file, a Google Sheet) that are fetched on a schedule or on demand into new
 * versions of a dataset, through the same ingest outbox as uploads. A version is committed only when the data
 * changed: the source's ETag / Last-Modified are sent back, and bytes that hash the same as the last landed
 * fetch commit nothing.
 */
export class ConnectorService {
  private readonly connectors: StreamCommandRunner<ConnectorCommand, ConnectorState>;
  private readonly catalog;
  private readonly owner: string;
  private readonly leaseMs: number;

  constructor(private readonly deps: ConnectorServiceDeps) {
    this.connectors = new StreamCommandRunner(deps, {
      aggregateType: CONNECTOR_AGGREGATE,
      schemaVersion: CONNECTOR_EVENT_SCHEMA_VERSION,
      contendedCode: 'CONNECTOR.CONTENDED',
      initial: initialConnectorState,
      decide: decideConnector,
      evolve: (s, e) => evolveConnector(s, toRecorded(e)),
    });
    this.catalog = new StreamCommandRunner(deps, connectorCatalog);
    this.owner = `connector.${deps.ids.uuid()}`;
    this.leaseMs = deps.leaseMs ?? RUN_LEASE_MS;
  }

  /**
   * The connector id comes from the command id when the client gives one, so a retry of the create names the
   * same connector rather than making a second.
   */
  async create(input: unknown, actor: Actor, commandId?: string): Promise<CommandOutcome & { connectorId: string }> {
    const { enabled, ...definition } = parseOrThrow(ZCreateConnectorInput, input, 'CONNECTOR.INVALID_INPUT');
    expectValidDefinition(definition);
    await this.expectTarget(definition.datasetId, definition.branch);
    const connectorId = commandId ? `conn_${commandId.replaceAll('-', '')}` : this.deps.ids.prefixed('conn');
    const outcome = await this.connectors.execute(connectorId, { type: 'CreateConnector', data: { connectorId, definition, enabled } }, actor, commandId);
    // After the connector exists; a crash in between is healed by a retry of the same command id.
    if (outcome.status === 'applied') await this.catalog.execute(CONNECTOR_CATALOG_ID, { type: 'Register', data: { id: connectorId } }, actor);
    return { ...outcome, connectorId };
  }

  async update(connectorId: string, input: unknown, actor: Actor, commandId?: string): Promise<CommandOutcome> {
    const { expectedSeq, ...changes } = parseOrThrow(ZUpdateConnectorInput, input, 'CONNECTOR.INVALID_INPUT');
    if (changes.datasetId !== undefined || changes.branch !== undefined) {
      const current = await this.state(connectorId);
      await this.expectTarget(changes.datasetId ?? current.definition.datasetId, changes.branch ?? current.definition.branch);
    }
    return this.connectors.execute(connectorId, { type: 'UpdateConnector', data: { changes, ...(expectedSeq === undefined ? {} : { expectedSeq }) } }, actor, commandId);
  }

  pause(connectorId: string, actor: Actor, commandId?: string): Promise<CommandOutcome> {
    return this.connectors.execute(connectorId, { type: 'PauseConnector', data: {} }, actor, commandId);
  }

  resume(connectorId: string, actor: Actor, commandId?: string): Promise<CommandOutcome> {
    return this.connectors.execute(connectorId, { type: 'ResumeConnector', data: {} }, actor, commandId);
  }

  delete(connectorId: string, actor: Actor, input: { expectedSeq?: number } = {}, commandId?: string): Promise<CommandOutcome> {
    return this.connectors.execute(connectorId, { type: 'DeleteConnector', data: input }, actor, commandId);
  }

  /** Every connector, or those that fill one dataset; by name. */
  async list(filter: { datasetId?: string } = {}): Promise<ConnectorView[]> {
    const states = await this.liveStates();
    const lastScheduled = await this.deps.runs.lastScheduled();
    const views = await Promise.all(
      states.filter((s) => !filter.datasetId || s.definition.datasetId === filter.datasetId).map((s) => this.view(s, lastScheduled.get(s.connectorId) ?? null)),
    );
    return views.sort((a, b) => a.name.localeCompare(b.name) || a.connectorId.localeCompare(b.connectorId));
  }

  async get(connectorId: string): Promise<ConnectorView> {
    const lastScheduled = await this.deps.runs.lastScheduled();
    return this.view(await this.state(connectorId), lastScheduled.get(connectorId) ?? null);
  }

  /** The connector's runs, newest first. */
  async runs(connectorId: string, limit = 50): Promise<ConnectorRun[]> {
    await this.state(connectorId);
    return this.deps.runs.list(connectorId, limit);
  }

  /** Runs the connector now; CONNECTOR.RUN_IN_PROGRESS while another run of it holds its lease. */
  async runNow(connectorId: string, actor: Actor): Promise<ConnectorRun> {
    const state = await this.state(connectorId);
    if (!(await this.deps.runs.claim(connectorId, this.owner, this.leaseMs, null)))
      throw conflict('CONNECTOR.RUN_IN_PROGRESS', `Connector ${connectorId} is being run already; its run will show in the history`, { connectorId });
    return this.holding(connectorId, this.owner, () => this.run(state, actor, null));
  }

  /** Enabled, scheduled connectors whose schedule fired since their last scheduled run, at `now`. */
  async due(now: Date): Promise<DueConnector[]> {
    const lastScheduled = await this.deps.runs.lastScheduled();
    const due: DueConnector[] = [];
    for (const s of await this.liveStates()) {
      if (!s.enabled || s.definition.schedule === null) continue;
      const slot = dueSlot(
        { cron: s.definition.schedule, timezone: s.definition.timezone, anchor: new Date(s.scheduleAnchor) },
        lastScheduled.get(s.connectorId) ?? null,
        now,
      );
      if (slot) due.push({ connectorId: s.connectorId, slot });
    }
    return due;
  }

  /**
   * Runs one schedule slot of a connector under `owner`'s lease. Null when the slot was already taken (by
   * another scheduler, or an earlier tick), the connector is busy, or it was paused or deleted meanwhile.
   */
  async runScheduled(connectorId: string, slot: Date, owner: string): Promise<ConnectorRun | null> {
    if (!(await this.deps.runs.claim(connectorId, owner, this.leaseMs, slot))) return null;
    return this.holding(connectorId, owner, async () => {
      const { state } = await this.connectors.load(connectorId);
      if (!state.exists || state.deleted || !state.enabled) return null;
      return this.run(state, CONNECTOR_SCHEDULER_ACTOR, slot);
    });
  }

  async state(connectorId: string): Promise<ConnectorState> {
    const { state } = await this.connectors.load(connectorId);
    if (!state.exists || state.deleted) throw notFound('CONNECTOR.NOT_FOUND', `There is no connector ${connectorId}`, { connectorId });
    return state;
  }

  private async run(state: ConnectorState, actor: Actor, slot: Date | null): Promise<ConnectorRun> {
    const { connectorId } = state;
    // Whoever ran it before this lease was given up or lapsed has gone: its open runs will never finish.
    await this.deps.runs.closeInterrupted(connectorId, { code: 'CONNECTOR.RUN_INTERRUPTED', message: 'The process running it stopped before the run finished' });
    const run = await this.deps.runs.start({
      runId: this.deps.ids.prefixed('crun'),
      connectorId,
      revision: state.revision,
      trigger: slot ? 'schedule' : 'manual',
      scheduledFor: slot?.toISOString() ?? null,
    });
    return this.deps.runs.finish(run.runId, await this.fetchAndIngest(state, actor));
  }

  private async fetchAndIngest(state: ConnectorState, actor: Actor): Promise<ConnectorRunResult> {
    const { connectorId, definition: d } = state;
    const previous = await this.deps.runs.lastLanded(connectorId, state.revision);
    const dir = await this.deps.scratch.create(`connector-${connectorId}`);
    try {
      let fetched;
      try {
        fetched = await this.deps.fetcher.fetch(d.source, previous && { etag: previous.etag, lastModified: previous.lastModified }, dir.file('source'));
      } catch (e) {
        return failed(e, {});
      }
      if (fetched.kind === 'unchanged') {
        if (!previous) return failed(new Error(`The source answered "not modified" to a first fetch: ${describeSource(d.source)}`), {});
        return { ...landed(previous), outcome: 'unchanged', unchangedBy: 'not-modified', versionId: null, ingestJobId: null, error: null };
      }
      const seen = { etag: fetched.etag, lastModified: fetched.lastModified, contentHash: fetched.file.contentHash, sizeBytes: fetched.file.sizeBytes };
      if (previous?.contentHash === fetched.file.contentHash) return { ...seen, outcome: 'unchanged', unchangedBy: 'content-hash', versionId: null, ingestJobId: null, error: null };
      try {
        return { ...seen, ...(await this.ingest(state, fetched.file, actor)) };
      } catch (e) {
        return failed(e, seen);
      }
    } finally {
      await dir.release();
    }
  }

  /** Ingests fetched bytes the connector has not landed before; commits only what the branch does not hold. */
  private async ingest(state: ConnectorState, file: ReceivedFile, actor: Actor): Promise<Pick<ConnectorRunResult, 'outcome' | 'unchangedBy' | 'versionId' | 'ingestJobId' | 'error'>> {
    const { connectorId, definition: d } = state;
    const message = `Fetched by connector "${d.name}" from ${describeSource(d.source)}`;
    const outcome = await this.deps.ingest.ingest(
      {
        datasetId: d.datasetId,
        branch: d.branch,
        fileName: sourceFileName(connectorId, d.source),
        idempotencyKey: `connector:${connectorId}:${file.contentHash}`,
        // A sheet always comes as CSV (the export, or the API's values written as CSV).
        options: d.source.kind === 'http' ? d.options : { ...d.options, format: 'csv' },
        autoCommit: true,
        message,
      },
      file,
      actor,
      { source: 'connector', connectorId },
    );
    if (outcome.kind === 'existing-version') return this.restore(state, outcome.versionId, actor);
    const { job } = outcome;
    if (job.phase === 'committed') return { outcome: 'committed', unchangedBy: null, versionId: job.versionId, ingestJobId: job.jobId, error: null };
    const error = job.error ?? { code: 'CONNECTOR.INGEST_INCOMPLETE', message: `Ingest ${job.jobId} stopped at ${job.phase}` };
    return { outcome: 'failed', unchangedBy: null, versionId: null, ingestJobId: job.jobId, error: { code: error.code, message: error.message } };
  }

  /**
   * The connector committed these bytes before: unchanged if the branch still holds them, else the source went
   * back to earlier content (A, B, then A again) and that version is restored on top of the branch.
   */
  private async restore(state: ConnectorState, versionId: string, actor: Actor): Promise<Pick<ConnectorRunResult, 'outcome' | 'unchangedBy' | 'versionId' | 'ingestJobId' | 'error'>> {
    const { datasetId, branch } = state.definition;
    const unchanged = { outcome: 'unchanged', unchangedBy: 'existing-version', versionId, ingestJobId: null, error: null } as const;
    if ((await this.deps.datasets.state(datasetId)).branches.get(branch)?.head === versionId) return unchanged;
    try {
      const reverted = await this.deps.datasets.revert(datasetId, { branch, toVersionId: versionId, message: `The source of connector "${state.definition.name}" is back to the content of ${versionId}` }, actor);
      return { outcome: 'committed', unchangedBy: null, versionId: reverted.versionId, ingestJobId: null, error: null };
    } catch (e) {
      if (isDomainError(e) && e.code === 'DATASET.NOTHING_TO_REVERT') return unchanged;
      throw e;
    }
  }

  private async holding<T>(connectorId: string, owner: string, work: () => Promise<T>): Promise<T> {
    const heartbeat = setInterval(() => void this.deps.runs.renew(connectorId, owner, this.leaseMs).catch(() => undefined), this.leaseMs / 4);
    try {
      return await work();
    } finally {
      clearInterval(heartbeat);
      await this.deps.runs.release(connectorId, owner).catch(() => undefined);
    }
  }

  private async liveStates(): Promise<ConnectorState[]> {
    const { state } = await this.catalog.load(CONNECTOR_CATALOG_ID);
    const states = await Promise.all(state.ids.map(async (id) => (await this.connectors.load(id)).state));
    return states.filter((s) => s.exists && !s.deleted);
  }

  private async view(s: ConnectorState, lastScheduled: Date | null): Promise<ConnectorView> {
    const [lastRun] = await this.deps.runs.list(s.connectorId, 1);
    const anchor = new Date(s.scheduleAnchor);
    const from = lastScheduled && lastScheduled > anchor ? lastScheduled : anchor;
    return {
      connectorId: s.connectorId,
      ...s.definition,
      sourceLabel: describeSource(s.definition.source),
      enabled: s.enabled,
      createdBy: s.createdBy,
      createdAt: s.createdAt,
      updatedBy: s.updatedBy,
      updatedAt: s.updatedAt,
      nextRunAt: s.enabled && s.definition.schedule !== null ? nextRunAfter(s.definition.schedule, s.definition.timezone, from).toISOString() : null,
      lastRun: lastRun ?? null,
      seq: s.seq,
    };
  }

  /** A connector fills an existing branch of an existing dataset. */
  private async expectTarget(datasetId: string, branch: string): Promise<void> {
    const dataset = await this.deps.datasets.state(datasetId);
    if (!dataset.branches.has(branch)) throw notFound('DATASET.BRANCH_NOT_FOUND', `Branch "${branch}" of dataset "${datasetId}" does not exist`, { datasetId, branch });
  }
}

const landed = (run: ConnectorRun) => ({ etag: run.etag, lastModified: run.lastModified, contentHash: run.contentHash, sizeBytes: run.sizeBytes });

function failed(e: unknown, seen: Partial<ReturnType<typeof landed>>): ConnectorRunResult {
  const error: ConnectorRunError = isDomainError(e) ? { code: e.code, message: e.message } : { code: 'CONNECTOR.RUN_FAILED', message: e instanceof Error ? e.message : String(e) };
  return { etag: null, lastModified: null, contentHash: null, sizeBytes: null, ...seen, outcome: 'failed', unchangedBy: null, versionId: null, ingestJobId: null, error };
}
