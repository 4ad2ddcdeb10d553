'use client';

import { ExportPanel } from './export-panel';
import { ImportPanel } from './import-panel';

/** Import/Export tab of an ontology: the branch out as JSON, JSON-LD or Turtle, and a document in. */
export function InterchangeTab({ ontologyId, branch }: { ontologyId: string; branch: string }) {
  return (
    <div className="grid min-h-0 gap-3 p-3 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <ExportPanel ontologyId={ontologyId} branch={branch} />
      <ImportPanel ontologyId={ontologyId} branch={branch} />
    </div>
  );
}
