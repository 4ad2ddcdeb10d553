import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DomainError,
  invalid,
  type ColumnSchema,
  type ComponentHealth,
  type QueryEngine,
  type QueryJob,
  type QueryResult,
} from '@spice/domain';
import type { SpiceConfig } from '../config/config';
import { validateQueryJob, type ValidatedQueryJob } from '../query-engine/validate-query-job';

export type SparkQueryEngineConfig = Extract<SpiceConfig['queryEngine'], { kind: 'spark' }>;

const DRIVER_PATH = fileURLToPath(new URL('./driver/spice_sql_driver.py', import.meta.url));
const LOG4J2_PATH = fileURLToPath(new URL('./driver/log4j2.properties', import.meta.url));
const STDERR_TAIL_CHARS = 4000;

const SPARK_CONF: Readonly<Record<string, string>> = {
  'spark.ui.enabled': 'false',
  'spark.ui.showConsoleProgress': 'false',
  'spark.sql.shuffle.partitions': '2',
  'spark.sql.session.timeZone': 'UTC',
  // Spark's default INT96 timestamps are a legacy encoding; DuckDB and everyone else read micros natively.
  'spark.sql.parquet.outputTimestampType': 'TIMESTAMP_MICROS',
};

type DriverResult =
  | { rowCount: number; schema: ColumnSchema[]; rows?: Record<string, unknown>[] }
  | { error: { phase: 'input' | 'sql' | 'engine'; message: string } };

interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderrTail: string;
}

const engineFailed = (message: string, context: Record<string, unknown>, cause?: unknown) =>
  new DomainError({ code: 'QUERY.ENGINE_FAILED', kind: 'unavailable', message, context, cause });

/**
 * The real QueryEngine: one `spark-submit` of driver/spice_sql_driver.py per job, on any master (local[N],
 * spark://, yarn, k8s://). The job spec and result travel as JSON files in a temp directory under workDir.
 * With an outputPath the result is written as one Parquet file at that path, as the DuckDB adapter does.
 */
export class SparkQueryEngine implements QueryEngine {
  private version: Promise<string> | undefined;
  private readonly running = new Set<ChildProcess>();

  constructor(private readonly config: SparkQueryEngineConfig) {}

  async run(job: QueryJob): Promise<QueryResult> {
    const validated = await validateQueryJob(job);
    if (validated.outputPath !== undefined) await mkdir(dirname(validated.outputPath), { recursive: true });
    const workDir = resolve(this.config.workDir);
    await mkdir(workDir, { recursive: true });
    const jobDir = await mkdtemp(join(workDir, 'job-'));
    try {
      const specPath = join(jobDir, 'spec.json');
      const resultPath = join(jobDir, 'result.json');
      await writeFile(specPath, JSON.stringify(driverSpec(validated)));
      const exit = await this.submit([...this.submitOptions(), DRIVER_PATH, specPath, resultPath], jobDir);
      const result = await readDriverResult(resultPath);
      if (result === undefined) {
        throw engineFailed(
          `spark-submit ended (${exit.signal ?? `exit code ${exit.code}`}) without a result: ${exit.stderrTail}`,
          {
            master: this.config.master,
            exitCode: exit.code,
            signal: exit.signal,
            stderrTail: exit.stderrTail,
          },
        );
      }
      return toQueryResult(result, validated.sql, exit);
    } finally {
      await rm(jobDir, { recursive: true, force: true });
    }
  }

  async health(): Promise<ComponentHealth> {
    const base = { component: 'query engine', adapter: 'spark', mode: 'real' } as const;
    // A successful answer is cached (each check starts a JVM); a failure is not, so a fixed install shows up.
    this.version ??= this.sparkVersion().catch((error: unknown) => {
      this.version = undefined;
      throw error;
    });
    try {
      return { ...base, up: true, detail: `Spark ${await this.version} (${this.config.master})` };
    } catch (error) {
      return { ...base, up: false, detail: error instanceof Error ? error.message : String(error) };
    }
  }

  async close(): Promise<void> {
    for (const child of this.running) child.kill('SIGTERM');
  }

  private submitOptions(): string[] {
    return [
      '--master',
      this.config.master,
      '--name',
      'spice-sql',
      '--driver-memory',
      '1g',
      '--driver-java-options',
      `-Dlog4j2.configurationFile=file:${LOG4J2_PATH}`,
      ...Object.entries(SPARK_CONF).flatMap(([key, value]) => ['--conf', `${key}=${value}`]),
    ];
  }

  private async sparkVersion(): Promise<string> {
    const exit = await this.submit(['--version'], undefined);
    // spark-submit prints its banner ("... version 4.0.1 ...") to stderr; older releases used stdout.
    const version = /version (\d+\.\d+\.\d+\S*)/.exec(`${exit.stdout}\n${exit.stderrTail}`)?.[1];
    if (exit.code !== 0 || version === undefined) {
      throw engineFailed(`${this.config.sparkSubmit} --version failed: ${exit.stderrTail}`, {
        exitCode: exit.code,
      });
    }
    return version;
  }

  /** Runs spark-submit without a shell; resolves when it exits, whatever the exit code. */
  private submit(args: string[], cwd: string | undefined): Promise<Exit> {
    return new Promise((resolveExit, reject) => {
      const child = spawn(this.config.sparkSubmit, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
      this.running.add(child);
      let stdout = '';
      let stderrTail = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        stdout = (stdout + chunk).slice(-STDERR_TAIL_CHARS);
      });
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        stderrTail = (stderrTail + chunk).slice(-STDERR_TAIL_CHARS);
      });
      child.on('error', (cause) => {
        this.running.delete(child);
        reject(
          engineFailed(
            `cannot run ${this.config.sparkSubmit}: ${cause.message}`,
            { sparkSubmit: this.config.sparkSubmit },
            cause,
          ),
        );
      });
      child.on('close', (code, signal) => {
        this.running.delete(child);
        resolveExit({ code, signal, stdout, stderrTail: stderrTail.trim() });
      });
    });
  }
}

function driverSpec(job: ValidatedQueryJob) {
  return {
    sql: job.sql,
    inputs: Object.fromEntries(job.inputs.map((input) => [input.table, input.path])),
    outputPath: job.outputPath ?? null,
    rowLimit: job.rowLimit,
  };
}

/** The driver's answer, or undefined when it died before writing a whole one. */
async function readDriverResult(resultPath: string): Promise<DriverResult | undefined> {
  try {
    return JSON.parse(await readFile(resultPath, 'utf8')) as DriverResult;
  } catch {
    return undefined;
  }
}

function toQueryResult(result: DriverResult, sql: string, exit: Exit): QueryResult {
  if (!('error' in result)) return result;
  const { phase, message } = result.error;
  switch (phase) {
    case 'sql':
      throw invalid('QUERY.INVALID_SQL', message, [], { sql });
    case 'input':
      throw new DomainError({ code: 'QUERY.INPUT_UNREADABLE', kind: 'invalid', message, context: { sql } });
    case 'engine':
      throw engineFailed(message, { sql, exitCode: exit.code, stderrTail: exit.stderrTail });
    default: {
      const unknownPhase: never = phase;
      throw engineFailed(
        `the Spark driver reported an unknown error phase ${String(unknownPhase)}: ${message}`,
        { sql },
      );
    }
  }
}
