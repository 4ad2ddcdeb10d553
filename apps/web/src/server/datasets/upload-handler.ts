import { invalid } from '@spice/domain';
import { receiveUpload } from '@spice/adapters';
import { actorFromCookieHeader } from '../session/actor-cookie';
import { getSystem } from '../system';
import { domainErrorResponse } from '../trpc/domain-error-response';

const READ_OPTION_PARAMS = ['format', 'encoding', 'delimiter', 'quote', 'sheet', 'range', 'nested', 'badRows'] as const;

/**
 * POST /api/v1/datasets/{datasetId}/uploads — the file is the raw request body (streamed to disk, never held in
 * memory). Query: branch, fileName, autoCommit, message, badRows (fail|skip), badValues, and read options
 * (format, encoding, delimiter, quote, hasHeader, sheet, range, nested). The `Idempotency-Key` header makes
 * a retried upload return the first one's result; the same key with other bytes is refused with 409.
 */
export async function handleUpload(req: Request, datasetId: string): Promise<Response> {
  const actor = actorFromCookieHeader(req.headers.get('cookie'));
  if (!actor) return Response.json({ message: 'Sign in first', code: 'UNAUTHORIZED' }, { status: 401 });
  try {
    if (!req.body) throw invalid('DATASET.INVALID_INPUT', 'The request has no body: send the file as the body', [{ path: 'body', message: 'missing' }]);
    const query = new URL(req.url).searchParams;
    const fileName = query.get('fileName') ?? req.headers.get('x-file-name');
    if (!fileName) throw invalid('DATASET.INVALID_INPUT', 'Name the file: give ?fileName=', [{ path: 'fileName', message: 'required' }]);
    const options: Record<string, unknown> = {};
    for (const name of READ_OPTION_PARAMS) if (query.has(name)) options[name] = query.get(name);
    if (query.has('hasHeader')) options.hasHeader = query.get('hasHeader') === 'true';
    const system = await getSystem();
    const outcome = await receiveUpload(system, req.body, async (file) =>
      system.ingest.ingest(
        {
          datasetId,
          branch: query.get('branch') ?? 'main',
          fileName,
          idempotencyKey: req.headers.get('idempotency-key'),
          options,
          autoCommit: query.get('autoCommit') === 'true',
          message: query.get('message') ?? '',
          badValues: query.get('badValues') ?? 'fail',
        },
        file,
        actor,
      ),
    );
    return Response.json(outcome, { status: outcome.kind === 'job' ? 201 : 200 });
  } catch (e) {
    return domainErrorResponse(e);
  }
}
