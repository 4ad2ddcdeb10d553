'use client';

import { useCallback, useEffect, useMemo, useState } from 'react';
import { ENTITY_LABEL, type DefinitionOf, type EntityKind, type EntityView, type FieldIssue } from '@spice/domain';
import { useToast } from '@/components/ui/toast';
import { describeError, type DescribedError } from '@/lib/describe-error';
import { useEntityCommands } from '../model/use-entity-commands';
import { useBreakingChangeConfirm } from './breaking-change-dialog';
import { definitionPatch } from './definition-patch';
import { asEntityConflict, type EntityConflict } from './entity-conflict';
import { isTextField } from './is-text-field';
import { rememberChange } from './undo-store';

/**
 * Inline editing of one entity. The version the edits started from is the base, sent as `expectedSeq`: while
 * there are no edits the base follows the live model; with edits it stays, so another tab's save surfaces as a
 * conflict (Reload / Reapply) instead of being overwritten. Ctrl+S saves, Esc drops the edits.
 */
export function useEntityEditor<K extends EntityKind>({
  ontologyId,
  branch,
  kind,
  entity,
}: {
  ontologyId: string;
  branch: string;
  kind: K;
  /** The entity as the live model has it now; undefined once it is gone. */
  entity: EntityView<K> | undefined;
}) {
  const commands = useEntityCommands(ontologyId, branch);
  const toast = useToast();
  const { withConfirm, dialog } = useBreakingChangeConfirm();
  const [base, setBase] = useState<EntityView<K> | undefined>(entity);
  const [draft, setDraftState] = useState<DefinitionOf[K] | undefined>(entity?.definition);
  const [awaiting, setAwaiting] = useState<number | null>(null);
  const [conflict, setConflict] = useState<EntityConflict | null>(null);
  const [issues, setIssues] = useState<readonly FieldIssue[]>([]);
  const [failure, setFailure] = useState<DescribedError | null>(null);
  const [rebased, setRebased] = useState<'reloaded' | 'reapplied' | null>(null);
  const [saving, setSaving] = useState(false);

  const patch = useMemo(() => (base && draft ? definitionPatch(base.definition, draft) : {}), [base, draft]);
  const dirty = Object.keys(patch).length > 0;

  useEffect(() => {
    if (!entity || (base && entity.version === base.version && entity.id === base.id)) return;
    const caughtUp = awaiting !== null && entity.version >= awaiting;
    if (!base || !dirty || caughtUp) {
      setBase(entity);
      setDraftState(entity.definition);
      setAwaiting(null);
      if (caughtUp) setRebased(null);
    }
  }, [entity, base, dirty, awaiting]);

  const setDraft = useCallback((next: DefinitionOf[K] | ((d: DefinitionOf[K]) => DefinitionOf[K])) => {
    setDraftState((d) => (d === undefined ? d : typeof next === 'function' ? (next as (d: DefinitionOf[K]) => DefinitionOf[K])(d) : next));
    setFailure(null);
  }, []);

  const save = useCallback(async () => {
    if (!base || !dirty || saving || conflict) return;
    setSaving(true);
    setFailure(null);
    setIssues([]);
    const apiName = base.definition.apiName;
    try {
      const outcome = await withConfirm((acknowledgeBreakingChanges) =>
        commands.update(kind, { id: base.id, expectedSeq: base.version, patch, acknowledgeBreakingChanges }, `Update ${apiName}`),
      );
      if (!outcome) return;
      const atSeq = outcome.sequenceNumber ?? base.version + 1;
      rememberChange({ ontologyId, branch, kind, id: base.id, apiName: String(patch.apiName ?? apiName), toVersion: base.version, atSeq });
      setAwaiting(atSeq);
      setRebased(null);
      toast({ tone: 'success', title: `Saved ${ENTITY_LABEL[kind]} ${apiName}`, detail: 'Ctrl+Z undoes this change.' });
      // Leaves the field so Ctrl+Z reaches the workbench's undo rather than the field's.
      if (isTextField(document.activeElement)) (document.activeElement as HTMLElement).blur();
    } catch (error) {
      const described = describeError(error);
      const changed = asEntityConflict(described);
      if (changed) setConflict(changed);
      else {
        setIssues(described.issues);
        setFailure(described);
      }
    } finally {
      setSaving(false);
    }
  }, [base, dirty, saving, conflict, withConfirm, commands, kind, patch, ontologyId, branch, toast]);

  const cancel = useCallback(() => {
    if (!base) return;
    setDraftState(base.definition);
    setIssues([]);
    setFailure(null);
  }, [base]);

  const reload = useCallback(() => {
    if (!entity) return;
    setBase(entity);
    setDraftState(entity.definition);
    setConflict(null);
    setIssues([]);
    setRebased('reloaded');
  }, [entity]);

  const reapply = useCallback(() => {
    if (!entity) return;
    setBase(entity);
    setDraftState({ ...entity.definition, ...patch } as DefinitionOf[K]);
    setConflict(null);
    setIssues([]);
    setRebased('reapplied');
  }, [entity, patch]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void save();
      } else if (e.key === 'Escape' && dirty && !document.querySelector('[role="dialog"],[role="alertdialog"]')) {
        e.preventDefault();
        cancel();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [save, cancel, dirty]);

  return {
    base,
    draft,
    setDraft,
    patch,
    dirty,
    saving,
    save,
    cancel,
    conflict,
    reload,
    reapply,
    rebased,
    issues,
    failure,
    /** Someone saved a newer version while these edits were open. */
    stale: Boolean(entity && base && entity.version !== base.version && dirty),
    gone: Boolean(base && !entity),
    /** The live version, for the conflict panel's "theirs". */
    theirs: entity,
    dialog,
  };
}

export type EntityEditor<K extends EntityKind> = ReturnType<typeof useEntityEditor<K>>;
