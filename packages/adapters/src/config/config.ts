import { z } from 'zod';
import { parseNetworks } from '../datasets/connectors/networks';

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
  SPICE_MAX_UPLOAD_MB: z.coerce.number().int().min(1, 'must be at least 1').default(5120),
  SPICE_DATASET_CACHE_MB: z.coerce.number().int().min(1, 'must be at least 1').default(10240),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Values of the secrets connector headers name (`{"FLEET_TOKEN": "Bearer …"}`): kept out of the connectors' events. */
  CONNECTOR_SECRETS: z
    .string()
    .transform((v, ctx) => {
      try {
        return JSON.parse(v) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be a JSON object of secret name to value, e.g. {"FLEET_TOKEN":"Bearer abc"}' });
        return z.NEVER;
      }
    })
    .pipe(z.record(z.string(), z.string({ error: 'each secret value must be a string' }), { error: 'must be a JSON object of secret name to string value' }))
    .default({}),
  /** How long a connector fetch may wait for an answer, or between two chunks of the body. */
  CONNECTOR_TIMEOUT_SECONDS: z.coerce.number().positive('must be positive').default(60),
  CONNECTOR_ALLOWED_NETWORKS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((n) => n.trim()).filter(Boolean))
    .superRefine((networks, ctx) => {
      try {
        parseNetworks(networks);
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: e instanceof Error ? e.message : String(e) });
      }
    }),
  GOOGLE_SERVICE_ACCOUNT_KEY_FILE: z.string().trim().min(1).optional(),
  /** Google's endpoints; tests point them at local servers. */
  GOOGLE_DOCS_URL: optionalUrl('e.g. https://docs.google.com').default('https://docs.google.com'),
  GOOGLE_SHEETS_API_URL: optionalUrl('e.g. https://sheets.googleapis.com').default('https://sheets.googleapis.com'),
  GOOGLE_TOKEN_URL: optionalUrl('e.g. https://oauth2.googleapis.com/token').default('https://oauth2.googleapis.com/token'),
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
  /** Datasets: the upload size limit, and local working space (scratch for ingests, a cache of version files). */
  readonly datasets: { readonly maxUploadBytes: number; readonly scratchDir: string; readonly cacheDir: string; readonly cacheMaxBytes: number };
  /** Connectors: header secrets, fetch limits, and the Google endpoints and service-account key for Sheets. */
  readonly connectors: {
    readonly secrets: Readonly<Record<string, string>>;
    readonly timeoutMs: number;
    readonly maxBytes: number;
    readonly allowedNetworks: readonly string[];
    readonly google: { readonly serviceAccountKeyFile: string | null; readonly docsUrl: string; readonly sheetsApiUrl: string; readonly tokenUrl: string };
  };
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
    datasets: {
      maxUploadBytes: e.SPICE_MAX_UPLOAD_MB * 1024 * 1024,
      scratchDir: `${dataDir}/scratch`,
      cacheDir: `${dataDir}/cache`,
      cacheMaxBytes: e.SPICE_DATASET_CACHE_MB * 1024 * 1024,
    },
    connectors: {
      secrets: e.CONNECTOR_SECRETS,
      timeoutMs: e.CONNECTOR_TIMEOUT_SECONDS * 1000,
      allowedNetworks: e.CONNECTOR_ALLOWED_NETWORKS,
      maxBytes: e.SPICE_MAX_UPLOAD_MB * 1024 * 1024,
      google: {
        serviceAccountKeyFile: e.GOOGLE_SERVICE_ACCOUNT_KEY_FILE ?? null,
        docsUrl: e.GOOGLE_DOCS_URL,
        sheetsApiUrl: e.GOOGLE_SHEETS_API_URL,
        tokenUrl: e.GOOGLE_TOKEN_URL,
      },
    },
    logLevel: e.LOG_LEVEL,
  };
}
