import type { FieldIssue } from '@spice/domain';
import type { IngestJob } from '../model/dataset-types';

export type UploadOutcome = { readonly kind: 'job'; readonly job: IngestJob } | { readonly kind: 'existing-version'; readonly versionId: string };

export interface UploadRequest {
  readonly datasetId: string;
  readonly file: File;
  readonly branch: string;
  readonly badRows: 'fail' | 'skip';
  /** Read options the user set instead of detection: encoding, delimiter, sheet, range. */
  readonly options: Readonly<Record<string, string>>;
  /** One per chosen file: a retry of the same upload answers with the first one's job or version. */
  readonly idempotencyKey: string;
  readonly onProgress: (sent: number, total: number) => void;
  /** The last byte has left: the server is storing and reading the file. */
  readonly onSent: () => void;
}

/** The REST upload's refusal, in the same shape as the tRPC errors. */
export class UploadError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly domainCode: string | null,
    readonly issues: readonly FieldIssue[],
    readonly context: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = 'UploadError';
  }
}

/**
 * POSTs the file as the raw body. XMLHttpRequest rather than fetch because only it reports upload progress;
 * `abort()` on the returned handle cancels it.
 */
export function uploadFile(request: UploadRequest): { done: Promise<UploadOutcome>; abort: () => void } {
  const query = new URLSearchParams({ fileName: request.file.name, branch: request.branch, badRows: request.badRows });
  for (const [name, value] of Object.entries(request.options)) if (value.trim() !== '') query.set(name, value);
  const xhr = new XMLHttpRequest();
  const done = new Promise<UploadOutcome>((resolve, reject) => {
    xhr.open('POST', `/api/v1/datasets/${encodeURIComponent(request.datasetId)}/uploads?${query.toString()}`);
    xhr.setRequestHeader('Idempotency-Key', request.idempotencyKey);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.responseType = 'text';
    xhr.upload.onprogress = (e) => request.onProgress(e.loaded, e.lengthComputable ? e.total : request.file.size);
    xhr.upload.onload = () => request.onSent();
    xhr.onerror = () => reject(new UploadError('The upload did not reach the server: check the connection and retry', 0, null, [], {}));
    xhr.onabort = () => reject(new UploadError('The upload was cancelled', 0, 'UPLOAD.CANCELLED', [], {}));
    xhr.onload = () => {
      const body = parseJson(xhr.responseText);
      if (xhr.status === 200 || xhr.status === 201) return resolve(body as UploadOutcome);
      const b = (body ?? {}) as { message?: string; domainCode?: string; issues?: FieldIssue[]; context?: Record<string, unknown> };
      reject(new UploadError(b.message ?? `The server answered ${xhr.status}`, xhr.status, b.domainCode ?? null, b.issues ?? [], b.context ?? {}));
    };
    xhr.send(request.file);
  });
  return { done, abort: () => xhr.abort() };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
