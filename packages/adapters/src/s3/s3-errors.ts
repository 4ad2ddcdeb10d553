import { S3ServiceException } from '@aws-sdk/client-s3';

/**
 * 412 PreconditionFailed: the key exists. 409 ConditionalRequestConflict (AWS): another conditional write to the
 * key was in flight; it may still win. Any other 409 is not an existing object.
 */
export function isAlreadyExists(e: unknown): boolean {
  return (
    httpStatus(e) === 412 || (e instanceof S3ServiceException && e.name === 'ConditionalRequestConflict')
  );
}

/** Network trouble (no HTTP answer), throttling and 5xx may pass on retry; other refusals (auth, bad request) will not. */
export function isTransient(e: unknown): boolean {
  const status = httpStatus(e);
  return status === undefined || status >= 500 || status === 429 || status === 408;
}

export function httpStatus(e: unknown): number | undefined {
  return e instanceof S3ServiceException ? e.$metadata.httpStatusCode : undefined;
}

export function describe(e: unknown): string {
  if (e instanceof S3ServiceException) return `${e.name} (HTTP ${e.$metadata.httpStatusCode ?? '?'})`;
  if (e instanceof Error)
    return 'code' in e && e.code ? `${e.name}: ${String(e.code)} ${e.message}` : `${e.name}: ${e.message}`;
  return String(e);
}
