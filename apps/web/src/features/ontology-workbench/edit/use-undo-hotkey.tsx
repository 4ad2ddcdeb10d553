'use client';

import { useEffect, useRef, type ReactNode } from 'react';
import { ENTITY_LABEL } from '@spice/domain';
import { useToast } from '@/components/ui/toast';
import { describeError } from '@/lib/describe-error';
import { useEntityCommands } from '../model/use-entity-commands';
import { useBreakingChangeConfirm } from './breaking-change-dialog';
import { takeUndoableChange } from './undo-store';
import { isTextField } from './is-text-field';

/**
 * Ctrl+Z (⌘Z) outside a text field undoes the last change this tab saved on the branch: the entity is reverted
 * to the version before it, as a new version. A change someone made since is not overwritten: the revert
 * expects the version the change made.
 */
export function useUndoHotkey(ontologyId: string, branch: string): ReactNode {
  const commands = useEntityCommands(ontologyId, branch);
  const toast = useToast();
  const { withConfirm, dialog } = useBreakingChangeConfirm();
  const state = useRef({ commands, toast, withConfirm });
  state.current = { commands, toast, withConfirm };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() !== 'z' || !(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey || e.defaultPrevented) return;
      if (isTextField(e.target)) return;
      const change = takeUndoableChange(ontologyId, branch);
      if (!change) return;
      e.preventDefault();
      const { commands, toast, withConfirm } = state.current;
      const what = `${ENTITY_LABEL[change.kind]} ${change.apiName}`;
      withConfirm((acknowledgeBreakingChanges) =>
        commands.revert(change.kind, { id: change.id, expectedSeq: change.atSeq, toVersion: change.toVersion, acknowledgeBreakingChanges }, `Undo change of ${change.apiName}`),
      ).then(
        (outcome) => {
          if (outcome) toast({ tone: 'success', title: 'Undone', detail: `The ${what} is back to version ${change.toVersion}.` });
        },
        (error: unknown) => toast({ tone: 'error', title: `Could not undo the change of ${what}`, detail: describeError(error).message }),
      );
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [ontologyId, branch]);

  return dialog;
}
