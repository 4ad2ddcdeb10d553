'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmActions } from '@/components/ui/confirm-actions';
import type { Connector } from '../model/dataset-types';

/** Delete, asked twice: the first click turns into "Delete <name>" and Cancel. Versions it committed stay. */
export function DeleteConnectorButton({ connector, deleting, onDelete }: { connector: Connector; deleting: boolean; onDelete: () => void }) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming)
    return (
      <Button variant="ghost" onClick={() => setConfirming(true)}>
        Delete…
      </Button>
    );
  return (
    <ConfirmActions pending={deleting} groupLabel="Confirm delete" title="The versions it committed stay in the dataset" onConfirm={onDelete} onCancel={() => setConfirming(false)}>
      {deleting ? 'Deleting…' : `Delete ${connector.name}`}
    </ConfirmActions>
  );
}
