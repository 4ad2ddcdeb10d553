import Link from 'next/link';
import { useDatasetScope } from './dataset-context';
import { datasetPath, withRef } from './dataset-paths';
import { shortId } from './resolve-ref';

/** A version as people name it ("v3 …9f2c41aa"), opening the dataset at that version. */
export function VersionLink({ versionId }: { versionId: string }) {
  const { datasetId, ordinal } = useDatasetScope();
  // A version committed a moment ago may not be in the loaded dataset yet: then only its id is shown.
  const n = ordinal(versionId);
  return (
    <Link href={withRef(datasetPath(datasetId), versionId)} className="hover:underline" title={versionId}>
      {n ? <span className="font-medium text-accent-700">v{n} </span> : null}
      <span className="font-mono text-2xs text-zinc-500">{shortId(versionId)}</span>
    </Link>
  );
}
