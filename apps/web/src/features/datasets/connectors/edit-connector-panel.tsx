'use client';

import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Callout } from '@/components/ui/callout';
import { useToast } from '@/components/ui/toast';
import { useDatasetScope } from '../model/dataset-context';
import type { Connector } from '../model/dataset-types';
import { changedFields, draftFromConnector, type ConnectorDraft } from './connector-draft';
import { ConnectorFormPanel } from './connector-form-panel';
import { useConnectorCommands } from './use-connector-commands';

/**
 * Edits a connector as it was when the panel opened: the save carries that copy's seq, so an edit made meanwhile
 * elsewhere is not overwritten (409); the user then loads the latest and makes their change again.
 */
export function EditConnectorPanel({ connector, open, onClose }: { connector: Connector; open: boolean; onClose: () => void }) {
  const { view } = useDatasetScope();
  const toast = useToast();
  const [draft, setDraft] = useState<ConnectorDraft>(() => draftFromConnector(connector));
  const [base, setBase] = useState(connector);
  const { updateConnector, saving, failure, clearFailure } = useConnectorCommands();
  const loadLatest = () => {
    setDraft(draftFromConnector(connector));
    setBase(connector);
    clearFailure();
  };
  useEffect(() => {
    if (open) loadLatest();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the copy is taken when the panel opens, not on every refresh
  }, [open]);
  if (!open) return null;

  const stale = failure?.domainCode === 'CONNECTOR.STALE';
  const save = () => {
    const changes = changedFields(draft, base);
    if (Object.keys(changes).length === 0) {
      toast({ tone: 'success', title: 'Nothing to save', detail: 'The connector already has these settings.' });
      onClose();
      return;
    }
    updateConnector(base, changes, base.seq, onClose);
  };
  return (
    <ConnectorFormPanel
      title="Edit connector"
      description={`${connector.name} · changes apply from its next run.`}
      formId="edit-connector-form"
      submitLabel="Save"
      pendingLabel="Saving…"
      pending={saving}
      failure={failure}
      notice={
        stale ? (
          <Callout tone="amber" title="Changed by someone else first: not saved">
            <p>{failure.message}.</p>
            <p className="flex items-center gap-2">
              Load the latest settings (your edits here are dropped), then make your change again.
              <Button size="sm" onClick={loadLatest} disabled={connector.seq === base.seq}>
                Load latest
              </Button>
            </p>
          </Callout>
        ) : undefined
      }
      draft={draft}
      onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))}
      branches={view.branches.map((b) => b.name)}
      creating={false}
      onClose={onClose}
      onSubmit={save}
    />
  );
}
