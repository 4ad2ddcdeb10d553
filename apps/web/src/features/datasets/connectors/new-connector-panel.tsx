'use client';

import { useEffect, useState } from 'react';
import { useDatasetScope } from '../model/dataset-context';
import { createRequest, emptyDraft, suggestedName, type ConnectorDraft } from './connector-draft';
import { ConnectorFormPanel } from './connector-form-panel';
import { useConnectorCommands } from './use-connector-commands';

/** A new connector into this dataset, on the branch being viewed; named after its file until the user names it. */
export function NewConnectorPanel({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (connectorId: string) => void }) {
  const { datasetId, view, branch } = useDatasetScope();
  const startBranch = branch?.name ?? 'main';
  const [draft, setDraft] = useState<ConnectorDraft>(() => emptyDraft(startBranch));
  const [named, setNamed] = useState(false);
  const { createConnector, creating, failure, clearFailure } = useConnectorCommands();
  useEffect(() => {
    if (!open) return;
    setDraft(emptyDraft(startBranch));
    setNamed(false);
    clearFailure();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a fresh form each time the panel opens
  }, [open]);
  if (!open) return null;

  const change = (patch: Partial<ConnectorDraft>) => {
    if (patch.name !== undefined) setNamed(patch.name.trim() !== '');
    setDraft((d) => ({ ...d, ...patch, ...(patch.url !== undefined && !named && patch.name === undefined ? { name: suggestedName(patch.url) } : {}) }));
  };
  return (
    <ConnectorFormPanel
      title="New connector"
      description={`Fetches a file or a sheet into ${view.name}; a version is committed only when the data changed.`}
      formId="new-connector-form"
      submitLabel="Create connector"
      pendingLabel="Creating…"
      pending={creating}
      failure={failure}
      draft={draft}
      onChange={change}
      branches={view.branches.map((b) => b.name)}
      creating
      onClose={onClose}
      onSubmit={() =>
        createConnector(createRequest(draft, datasetId), (connectorId) => {
          onClose();
          onCreated(connectorId);
        })
      }
    />
  );
}
