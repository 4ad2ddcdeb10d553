/** Where an ingest job's files live in the object store. Immutable once a version names them. */
export const ingestPrefix = (datasetId: string, jobId: string) => `datasets/${datasetId}/ingests/${jobId}`;
export const ingestKeys = (datasetId: string, jobId: string) => {
  const prefix = ingestPrefix(datasetId, jobId);
  return { raw: `${prefix}/raw`, text: `${prefix}/text.parquet`, data: `${prefix}/data.parquet` } as const;
};
