'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
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
    <span className="flex items-center gap-1" role="group" aria-label="Confirm delete">
      <Button variant="danger" disabled={deleting} onClick={onDelete} title="The versions it committed stay in the dataset">
        {deleting ? 'Deleting…' : `Delete ${connector.name}`}
      </Button>
      <Button variant="ghost" onClick={() => setConfirming(false)}>
        Cancel
      </Button>
    </span>
  );
}
