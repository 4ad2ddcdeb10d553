import { z } from 'zod';

/**
 * The one configuration module. Every deployable passes its environment here once at start-up;
 * nothing else reads process.env. Absent variables select the embedded default for that port.
 */
const optionalUrl = (what: string) =>
  z
    .string()
    .trim()
    .min(1)
    .refine((v) => URL.canParse(v), { message: `must be a URL (${what})` })
    .optional();

const ZEnv = z.object({
  SPICE_DATA_DIR: z.string().min(1).default('./.spice'),
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  S3_ENDPOINT: optionalUrl('e.g. http://127.0.0.1:9000'),
  S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be a valid S3 bucket name').default('spice-event-store'),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(1).default('spice'),
  S3_SECRET_ACCESS_KEY: z.string().min(1).default('spice-secret'),
  KAFKA_BROKERS: z
    .string()
    .trim()
    .regex(/^[^,\s:]+:\d+(,[^,\s:]+:\d+)*$/, 'must be a comma-separated list of host:port')
    .optional(),
  KAFKA_CLIENT_ID: z.string().min(1).default('spice-harvester'),
  ELASTICSEARCH_URL: optionalUrl('e.g. http://127.0.0.1:9200'),
  SEARCH_ENGINE: z.enum(['elasticsearch', 'opensearch']).default('elasticsearch'),
  SPARK_MASTER: z
    .string()
    .trim()
    .regex(/^(local(\[(\*|\d+)\])?|spark:\/\/.+|yarn|k8s:\/\/.+)$/, 'must be local[*], local[N], spark://host:port, yarn or k8s://...')
    .optional(),
  SPARK_SUBMIT: z.string().min(1).default('spark-submit'),
  SPICE_ACTOR: z.string().min(1).default('dev@spice.local'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type SpiceEnv = z.infer<typeof ZEnv>;

export interface SpiceConfig {
  readonly dataDir: string;
  readonly relational: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };
  readonly objectStore:
    | { kind: 'local'; root: string }
    | { kind: 's3'; endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string };
  readonly bus: { kind: 'in-process' } | { kind: 'kafka'; brokers: string[]; clientId: string };
  readonly search:
    | { kind: 'postgres' }
    | { kind: 'elasticsearch' | 'opensearch'; url: string };
  readonly queryEngine: { kind: 'duckdb' } | { kind: 'spark'; master: string; sparkSubmit: string; workDir: string };
  readonly devActor: string;
  readonly logLevel: SpiceEnv['LOG_LEVEL'];
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly { variable: string; message: string }[]) {
    super(
      'Invalid configuration:\n' + problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

/** Parses the environment into a config, or throws ConfigError naming each bad variable. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): SpiceConfig {
  const blankAsAbsent = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''),
  );
  const parsed = ZEnv.safeParse(blankAsAbsent);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => ({ variable: String(i.path[0] ?? '?'), message: i.message })),
    );
  }
  const e = parsed.data;
  const dataDir = e.SPICE_DATA_DIR;
  return {
    dataDir,
    relational: e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL } : { kind: 'pglite', dataDir: `${dataDir}/pglite` },
    objectStore: e.S3_ENDPOINT
      ? {
          kind: 's3',
          endpoint: e.S3_ENDPOINT,
          bucket: e.S3_BUCKET,
          region: e.S3_REGION,
          accessKeyId: e.S3_ACCESS_KEY_ID,
          secretAccessKey: e.S3_SECRET_ACCESS_KEY,
        }
      : { kind: 'local', root: `${dataDir}/objects` },
    bus: e.KAFKA_BROKERS
      ? { kind: 'kafka', brokers: e.KAFKA_BROKERS.split(','), clientId: e.KAFKA_CLIENT_ID }
      : { kind: 'in-process' },
    search: e.ELASTICSEARCH_URL ? { kind: e.SEARCH_ENGINE, url: e.ELASTICSEARCH_URL } : { kind: 'postgres' },
    queryEngine: e.SPARK_MASTER
      ? { kind: 'spark', master: e.SPARK_MASTER, sparkSubmit: e.SPARK_SUBMIT, workDir: `${dataDir}/spark` }
      : { kind: 'duckdb' },
    devActor: e.SPICE_ACTOR,
    logLevel: e.LOG_LEVEL,
  };
}
