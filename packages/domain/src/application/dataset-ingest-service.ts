import { z } from 'zod';
import type { IdGenerator } from '../ports/clock.port';
import type { ObjectStore } from '../ports/object-store.port';
import { conflict, invalid, isDomainError, notFound, type DomainError } from '../shared/errors';
import { parseOrThrow } from '../shared/zod-issues';
import type { DatasetEngine } from '../datasets/dataset/dataset-engine.port';
import { ZDatasetSchema, type DatasetColumn } from '../datasets/dataset/dataset-schema';
import { idempotencyKeyReused } from '../datasets/dataset/dataset.decide';
import { branchNameIssues } from '../datasets/dataset/dataset-names';
import { ingestKeys, ingestPrefix } from '../datasets/ingest/ingest-keys';
import type { CommitRequest, IngestFailure, IngestJob, IngestJobStore, IngestPhase } from '../datasets/ingest/ingest-job.port';
import type { LocalFileCache, ScratchDir, ScratchSpace } from '../datasets/ingest/scratch.port';
import type { DetectedLayout, ReadOptions, ReadProblem, ReadResult, TabularSourceReader } from '../datasets/ingest/tabular-source.port';
import type { DatasetService } from './dataset-service';
import type { Actor } from './stream-command-runner';

/** How long a process holds an ingest job before the reconciler may take it over; renewed while it works. */
const INGEST_LEASE_MS = 30_000;
const INFERENCE_SAMPLE_ROWS = 20_000;
const MAX_LISTED_PROBLEMS = 1_000;

/** Named points in an ingest; a crash test's process is killed while it waits at one. */
export type IngestStep = 'receiving' | 'reading' | 'committing' | 'data-stored' | 'version-committed';

/** The proposed schema for a sample of text columns: what type inference says, and its reasons for the UI. */
export interface SchemaProposal {
  readonly schema: readonly DatasetColumn[];
  readonly details: unknown;
}

export interface DatasetIngestDeps {
  readonly jobs: IngestJobStore;
  readonly objects: ObjectStore;
  readonly reader: TabularSourceReader;
  readonly engine: DatasetEngine;
  readonly scratch: ScratchSpace;
  /** The local copies versions are read from: a committed file is kept there, so its first preview is local. */
  readonly versionFiles: LocalFileCache;
  readonly datasets: DatasetService;
  readonly ids: IdGenerator;
  readonly proposeSchema: (sample: { readonly columns: readonly string[]; readonly rows: readonly (readonly (string | null)[])[]; readonly totalRows: number }) => SchemaProposal;
  /** Test seam for crash tests: awaited at each step. */
  readonly checkpoint?: (step: IngestStep, job: IngestJob) => Promise<void>;
  /** How long a process holds a job before the reconciler may take it over (default 30 s). */
  readonly leaseMs?: number;
}

export const ZReadOptionsInput = z
  .object({
    format: z.enum(['csv', 'tsv', 'xlsx', 'json', 'ndjson', 'parquet']).optional(),
    encoding: z.string().max(40).optional(),
    delimiter: z.string().min(1).max(4).optional(),
    quote: z.string().length(1).optional(),
    hasHeader: z.boolean().optional(),
    sheet: z.string().max(200).optional(),
    range: z.string().regex(/^[A-Z]{1,3}[0-9]{1,7}:[A-Z]{1,3}[0-9]{1,7}$/, 'an A1 range such as A3:F120').optional(),
    nested: z.enum(['flatten', 'struct']).optional(),
    badRows: z.enum(['fail', 'skip']).default('fail'),
  })
  .strict();

export const ZStartIngestInput = z
  .object({
    datasetId: z.string().min(1),
    branch: z.string().default('main'),
    fileName: z.string().trim().min(1, 'the file needs a name').max(255, 'must be at most 255 characters'),
    idempotencyKey: z.string().min(1).max(200).nullable().default(null),
    options: ZReadOptionsInput.default({ badRows: 'fail' }),
    /** Commit right after reading with the proposed schema (scripts, connectors); otherwise the job waits for review. */
    autoCommit: z.boolean().default(false),
    message: z.string().max(2000).default(''),
    badValues: z.enum(['fail', 'skip']).default('fail'),
  })
  .strict();
export type StartIngestInput = z.input<typeof ZStartIngestInput>;

export const ZCommitIngestInput = z
  .object({
    jobId: z.string().min(1),
    schema: ZDatasetSchema,
    message: z.string().max(2000).default(''),
    expectedHead: z.string().nullable().optional(),
    badValues: z.enum(['fail', 'skip']).default('fail'),
  })
  .strict();

/** The received file, spooled to a local path by the transport, with what it measured on the way. */
export interface ReceivedFile {
  readonly path: string;
  readonly sizeBytes: number;
  /** SHA-256, hex. */
  readonly contentHash: string;
}

/** Where an ingested file came from. */
export type IngestOrigin = { readonly source: 'upload'; readonly connectorId: null } | { readonly source: 'connector'; readonly connectorId: string };

export type IngestOutcome =
  /** The idempotency key already committed these bytes: nothing new. */
  | { readonly kind: 'existing-version'; readonly versionId: string }
  | { readonly kind: 'job'; readonly job: IngestJob };

/**
 * Uploads and connector fetches into dataset versions, through the ingest outbox: the raw file is stored,
 * read into text Parquet, its schema proposed; after review the text is cast to the confirmed schema,
 * profiled, stored, and the version is committed in one event. The job row records each step, so a process
 * that dies anywhere leaves work the reconciler finishes (or, for a partial upload, rolls back) — a version is
 * visible only once its event is in the store, and its files are all written before that.
 */
export class DatasetIngestService {
  private readonly owner: string;
  private readonly leaseMs: number;

  constructor(private readonly deps: DatasetIngestDeps) {
    this.owner = `ingest.${deps.ids.uuid()}`;
    this.leaseMs = deps.leaseMs ?? INGEST_LEASE_MS;
  }

  /** `origin`: a connector's fetch (set by the connector service, never by an upload's client). */
  async ingest(input: unknown, file: ReceivedFile, actor: Actor, origin: IngestOrigin = { source: 'upload', connectorId: null }): Promise<IngestOutcome> {
    const request = parseOrThrow(ZStartIngestInput, input, 'DATASET.INVALID_INPUT');
    const branchIssues = branchNameIssues(request.branch);
    if (branchIssues.length) throw invalid('DATASET.INVALID_INPUT', branchIssues[0]!.message, branchIssues);
    const state = await this.deps.datasets.state(request.datasetId);
    if (!state.branches.has(request.branch))
      throw notFound('DATASET.BRANCH_NOT_FOUND', `Branch "${request.branch}" does not exist`, { branch: request.branch });
    if (request.idempotencyKey) {
      const committed = state.idempotencyKeys.get(request.idempotencyKey);
      if (committed?.contentHash === file.contentHash) return { kind: 'existing-version', versionId: committed.versionId };
      if (committed) throw idempotencyKeyReused(request.idempotencyKey, committed.versionId);
    }
    const jobId = this.deps.ids.prefixed('ing');
    const { created, job } = await this.deps.jobs.create(
      {
        jobId,
        datasetId: request.datasetId,
        branch: request.branch,
        idempotencyKey: request.idempotencyKey,
        source: origin.source,
        connectorId: origin.connectorId,
        fileName: request.fileName,
        options: request.options as ReadOptions,
        versionId: this.deps.datasets.newVersionId(),
        autoCommit: request.autoCommit,
        commitRequest: request.autoCommit ? { schema: [], message: request.message, badValues: request.badValues, actor: actor.id } : null,
        sizeBytes: file.sizeBytes,
        contentHash: file.contentHash,
        createdBy: actor.id,
      },
      this.owner,
      this.leaseMs,
    );
    if (!created) {
      if (job.contentHash !== file.contentHash) throw idempotencyKeyReused(request.idempotencyKey!, null);
      return { kind: 'job', job };
    }
    return { kind: 'job', job: await this.holding(job, () => this.receive(job, file.path)) };
  }

  /** Reads a job's file again with other options (a delimiter, an encoding, a sheet or range the user chose). */
  async reread(jobId: string, options: unknown): Promise<IngestJob> {
    const parsed = parseOrThrow(ZReadOptionsInput, options, 'DATASET.INVALID_INPUT') as ReadOptions;
    const job = await this.claim(jobId, ['read', 'failed']);
    return this.holding(job, () => this.read({ ...job, options: parsed }));
  }

  /** Commits the reviewed schema; DATASET.BAD_VALUES (with the rows and columns) when values do not cast. */
  async commit(input: unknown, actor: Actor): Promise<IngestJob> {
    const { jobId, schema, message, expectedHead, badValues } = parseOrThrow(ZCommitIngestInput, input, 'DATASET.INVALID_INPUT');
    const job = await this.claim(jobId, ['read', 'committing']);
    const request: CommitRequest = { schema, message, badValues, actor: actor.id, ...(expectedHead === undefined ? {} : { expectedHead }) };
    return this.holding(job, () => this.runCommit(job, request));
  }

  async job(jobId: string): Promise<IngestJob> {
    const job = await this.deps.jobs.get(jobId);
    if (!job) throw notFound('DATASET.INGEST_NOT_FOUND', `There is no ingest job ${jobId}`, { jobId });
    return job;
  }

  jobs(datasetId: string, limit = 50): Promise<IngestJob[]> {
    return this.deps.jobs.listForDataset(datasetId, limit);
  }

  /**
   * Finishes or rolls back what dead processes left: a partial upload is deleted (its key freed), a stored
   * file is read, a commit is completed. Returns what it did to each job.
   */
  async reconcile(limit = 20): Promise<{ jobId: string; from: IngestPhase; to: IngestPhase }[]> {
    const done: { jobId: string; from: IngestPhase; to: IngestPhase }[] = [];
    for (const stale of await this.deps.jobs.stale(limit)) {
      const job = await this.deps.jobs.claim(stale.jobId, this.owner, this.leaseMs, [stale.phase]);
      if (!job) continue; // another reconciler, or the owner came back
      const after = await this.holding(job, () => this.resume(job)).catch((e: unknown) => {
        if (isDomainError(e) && !e.retryable) return this.deps.jobs.get(job.jobId);
        throw e;
      });
      done.push({ jobId: job.jobId, from: job.phase, to: after?.phase ?? job.phase });
    }
    return done;
  }

  private async resume(job: IngestJob): Promise<IngestJob> {
    switch (job.phase) {
      case 'receiving':
        return this.rollBack(job);
      case 'received':
      case 'reading':
        return this.read(job);
      case 'committing':
        return this.runCommit(job, job.commitRequest!);
      default:
        return job;
    }
  }

  /**
   * The raw file is stored while it is read from the local spool (both take long for a big file). The job moves
   * to 'reading', where a dead process's work is resumed from the stored file, only once the file is stored.
   */
  private async receive(job: IngestJob, localPath: string): Promise<IngestJob> {
    await this.deps.checkpoint?.('receiving', job);
    return this.inScratch(job, async (dir) => {
      const text = dir.file('text.parquet');
      const storedThenReading = this.deps.objects
        .putFile(ingestKeys(job.datasetId, job.jobId).raw, localPath)
        .then(async () => this.startReading(await this.advance(job, { phase: 'received' })));
      const [reading, result] = await bothSettled(storedThenReading, this.readText(job, localPath, text));
      return this.afterRead(reading, result, text);
    });
  }

  /** Reads the stored file again (a re-read with other options, or the reconciler resuming a dead process's read). */
  private async read(job: IngestJob): Promise<IngestJob> {
    const reading = await this.startReading(job);
    return this.inScratch(job, async (dir) => {
      const raw = dir.file('raw');
      if (!(await this.deps.objects.getFile(ingestKeys(job.datasetId, job.jobId).raw, raw))) return this.rollBack(reading);
      const text = dir.file('text.parquet');
      return this.afterRead(reading, await this.readText(reading, raw, text), text);
    });
  }

  private async startReading(job: IngestJob): Promise<IngestJob> {
    const reading = await this.advance(job, { phase: 'reading', options: job.options, error: null });
    await this.deps.checkpoint?.('reading', reading);
    return reading;
  }

  /** The file read into text Parquet, or the DATASET.BAD_INPUT report that fails the job. */
  private async readText(job: IngestJob, raw: string, text: string): Promise<ReadResult | DomainError> {
    try {
      return await this.deps.reader.read(raw, job.fileName, job.options, text);
    } catch (e) {
      if (isDomainError(e) && e.code === 'DATASET.BAD_INPUT') return e;
      throw e;
    }
  }

  /** Proposes a schema for what was read and stores the text file; an auto-commit goes straight on. */
  private async afterRead(reading: IngestJob, result: ReadResult | DomainError, text: string): Promise<IngestJob> {
    if (isDomainError(result)) return this.fail(reading, result);
    const proposal = this.deps.proposeSchema({ ...(await this.deps.engine.sampleText(text, INFERENCE_SAMPLE_ROWS)), totalRows: result.rowCount });
    await this.deps.objects.putFile(ingestKeys(reading.datasetId, reading.jobId).text, text);
    const commitNext = reading.autoCommit && reading.commitRequest !== null;
    const read = await this.advance(
      reading,
      { phase: 'read', layout: result.layout, readResult: result, proposedSchema: proposal.schema, inference: proposal.details },
      { keepLease: commitNext },
    );
    if (!commitNext) return read;
    return this.runCommit(read, { ...reading.commitRequest!, schema: proposal.schema }, text);
  }

  /** `localText`: the text file this process just read, so an auto-commit does not fetch it back. */
  private async runCommit(job: IngestJob, request: CommitRequest, localText?: string): Promise<IngestJob> {
    const committing = await this.advance(job, { phase: 'committing', commitRequest: request, error: null });
    await this.deps.checkpoint?.('committing', committing);
    const state = await this.deps.datasets.state(job.datasetId);
    // The version's event is in the store: the dead process got that far, and only the job row lags.
    if (state.jobs.has(job.jobId)) return this.advance(committing, { phase: 'committed' });
    return this.inScratch(job, async (dir) => {
      const keys = ingestKeys(job.datasetId, job.jobId);
      const text = localText ?? dir.file('text.parquet');
      if (!localText && !(await this.deps.objects.getFile(keys.text, text)))
        throw notFound('DATASET.INGEST_FILE_MISSING', `The read file of ingest ${job.jobId} is missing`);
      const data = dir.file('data.parquet');
      const cast = await this.deps.engine.cast(text, request.schema, data, { badValues: request.badValues, maxProblems: MAX_LISTED_PROBLEMS });
      if (request.badValues === 'fail' && cast.problemCount > 0) {
        const problems: ReadProblem[] = cast.problems.map((p) => ({ rule: p.rule, line: p.row, column: p.column, message: p.message }));
        const message = `${cast.problemCount} value(s) do not fit the schema; the first: ${cast.problems[0]!.message}`;
        await this.advance(committing, { phase: 'read', commitRequest: null, error: { code: 'DATASET.BAD_VALUES', message, problems } });
        throw invalid('DATASET.BAD_VALUES', message, [], { problems, problemCount: cast.problemCount });
      }
      // Both only read the typed file: it is stored while it is profiled.
      const [stats] = await bothSettled(this.deps.engine.profile(data, request.schema), this.storeData(keys.data, data));
      await this.deps.checkpoint?.('data-stored', committing);
      const readResult = committing.readResult;
      await this.deps.datasets.commitVersion(
        job.datasetId,
        {
          versionId: job.versionId,
          branch: job.branch,
          message: request.message || `Upload of ${job.fileName}`,
          schema: request.schema,
          rowCount: cast.rowCount,
          stats,
          objects: { data: keys.data, raw: keys.raw },
          source: {
            kind: job.source,
            jobId: job.jobId,
            idempotencyKey: job.idempotencyKey,
            contentHash: job.contentHash ?? '',
            fileName: job.fileName,
            sizeBytes: job.sizeBytes ?? 0,
            format: committing.layout?.format ?? null,
            connectorId: job.connectorId,
          },
          skippedRows: (readResult?.skippedRows ?? 0) + cast.skippedRows,
          problemCount: (readResult?.problems.length ?? 0) + cast.problemCount,
          ...(request.expectedHead === undefined ? {} : { expectedHead: request.expectedHead }),
        },
        { id: request.actor },
        `ingest-commit.${job.jobId}`,
      );
      await this.deps.checkpoint?.('version-committed', committing);
      return this.advance(committing, { phase: 'committed' });
    });
  }

  /** Stores the version's typed file, then keeps a local copy for its reads. */
  private async storeData(key: string, data: string): Promise<void> {
    await this.deps.objects.putFile(key, data);
    await this.deps.versionFiles.keep(key, data);
  }

  /** A partial upload: its objects are deleted and its idempotency key freed. */
  private async rollBack(job: IngestJob): Promise<IngestJob> {
    const keys = await this.deps.objects.list(`${ingestPrefix(job.datasetId, job.jobId)}/`);
    for (const key of keys) await this.deps.objects.delete(key);
    return this.advance(job, { phase: 'abandoned', error: { code: 'DATASET.INGEST_ABANDONED', message: 'The upload was cut off before the file was stored', problems: [] } });
  }

  private async fail(job: IngestJob, e: DomainError): Promise<IngestJob> {
    const problems = (e.context.problems as ReadProblem[] | undefined) ?? [];
    const error: IngestFailure = { code: e.code, message: e.message, problems };
    const layout = (e.context.layout as DetectedLayout | undefined) ?? null;
    return this.advance(job, { phase: 'failed', error, layout });
  }

  private async claim(jobId: string, phases: readonly IngestPhase[]): Promise<IngestJob> {
    const job = await this.deps.jobs.claim(jobId, this.owner, this.leaseMs, phases);
    if (job) return job;
    const current = await this.job(jobId);
    throw conflict('DATASET.INGEST_BUSY', `Ingest ${jobId} is ${current.phase === 'committed' || !phases.includes(current.phase) ? current.phase : 'being worked on by another process'}`, {
      jobId,
      phase: current.phase,
    });
  }

  /** Moves the job on; a phase where the job waits or ends gives the lease up, unless this process goes on. */
  private async advance(job: IngestJob, patch: Parameters<IngestJobStore['advance']>[2], options: { keepLease?: boolean } = {}): Promise<IngestJob> {
    const settled = patch.phase === 'read' || patch.phase === 'committed' || patch.phase === 'failed' || patch.phase === 'abandoned';
    const next = await this.deps.jobs.advance(job.jobId, this.owner, patch, settled && !options.keepLease);
    if (!next) throw conflict('DATASET.INGEST_TAKEN_OVER', `Ingest ${job.jobId} was taken over by another process`, { jobId: job.jobId });
    return next;
  }

  /** Runs `work` while renewing the job's lease, so a long read or cast is not taken for a dead process. */
  private async holding(job: IngestJob, work: () => Promise<IngestJob>): Promise<IngestJob> {
    const heartbeat = setInterval(() => void this.deps.jobs.renew(job.jobId, this.owner, this.leaseMs).catch(() => undefined), this.leaseMs / 4);
    try {
      return await work();
    } finally {
      clearInterval(heartbeat);
    }
  }

  private async inScratch<T>(job: IngestJob, work: (dir: ScratchDir) => Promise<T>): Promise<T> {
    const dir = await this.deps.scratch.create(job.jobId);
    try {
      return await work(dir);
    } finally {
      await dir.release();
    }
  }
}

/** Waits for both (neither is left running behind an early failure), then gives their values or the first error. */
async function bothSettled<A, B>(a: Promise<A>, b: Promise<B>): Promise<[A, B]> {
  const [x, y] = await Promise.allSettled([a, b]);
  if (x.status === 'rejected') throw x.reason;
  if (y.status === 'rejected') throw y.reason;
  return [x.value, y.value];
}
