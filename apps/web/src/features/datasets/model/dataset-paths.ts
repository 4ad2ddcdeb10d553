export const MAIN_BRANCH = 'main';

export const datasetPath = (datasetId: string, rest = '') => `/datasets/${encodeURIComponent(datasetId)}${rest}`;

/** A dataset link that keeps the branch or version the user is looking at (main is the default, left out). */
export function withRef(path: string, ref: string): string {
  if (ref === MAIN_BRANCH) return path;
  return `${path}${path.includes('?') ? '&' : '?'}ref=${encodeURIComponent(ref)}`;
}

export const ingestPath = (datasetId: string, jobId: string) => datasetPath(datasetId, `/ingests/${encodeURIComponent(jobId)}`);

/** The diff page; `ref` keeps the workspace on the branch it came from. */
export function diffPath(datasetId: string, before: string, after: string, key?: readonly string[], ref = MAIN_BRANCH): string {
  const query = new URLSearchParams({ before, after });
  if (key?.length) query.set('key', key.join(','));
  if (ref !== MAIN_BRANCH) query.set('ref', ref);
  return datasetPath(datasetId, `/diff?${query.toString()}`);
}

/** The dataset's connectors, or one of them. */
export const connectorPath = (datasetId: string, connectorId?: string) =>
  datasetPath(datasetId, connectorId ? `/connectors/${encodeURIComponent(connectorId)}` : '/connectors');
