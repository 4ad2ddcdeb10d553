'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState } from 'react';
import { ENTITY_LABEL, type EntityKind, type EntityView } from '@spice/domain';
import { Button } from '@/components/ui/button';
import { Callout } from '@/components/ui/callout';
import { Kbd } from '@/components/ui/kbd';
import { useToast } from '@/components/ui/toast';
import { describeError, type DescribedError } from '@/lib/describe-error';
import { useEntityCommands } from '../model/use-entity-commands';

/**
 * Deletes the version shown, after a confirm. The server refuses when something still uses it (the list of
 * references is shown) or when someone changed it since (deleting their version needs a fresh look).
 */
export function DeleteEntityButton({ ontologyId, branch, kind, entity, afterPath }: { ontologyId: string; branch: string; kind: EntityKind; entity: EntityView; afterPath: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="danger" size="sm" onClick={() => setOpen(true)}>
        Delete
      </Button>
      {open ? <DeleteConfirm ontologyId={ontologyId} branch={branch} kind={kind} entity={entity} afterPath={afterPath} onCancel={() => setOpen(false)} /> : null}
    </>
  );
}

function DeleteConfirm({
  ontologyId,
  branch,
  kind,
  entity,
  afterPath,
  onCancel,
}: {
  ontologyId: string;
  branch: string;
  kind: EntityKind;
  entity: EntityView;
  afterPath: string;
  onCancel: () => void;
}) {
  const router = useRouter();
  const toast = useToast();
  const commands = useEntityCommands(ontologyId, branch);
  const [failure, setFailure] = useState<DescribedError | null>(null);
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const what = `${ENTITY_LABEL[kind]} ${entity.definition.apiName}`;
  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>('button')?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopImmediatePropagation();
      onCancel();
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, [onCancel]);

  const confirm = async () => {
    setFailure(null);
    try {
      await commands.remove(kind, { id: entity.id, expectedSeq: entity.version }, `Delete ${entity.definition.apiName}`);
      toast({ tone: 'success', title: `Deleted ${what}` });
      router.push(afterPath);
    } catch (error) {
      setFailure(describeError(error));
    }
  };
  const references = Array.isArray(failure?.context.references) ? failure.context.references.map(String) : [];
  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-zinc-900/30">
      <div ref={ref} role="alertdialog" aria-modal="true" aria-labelledby={titleId} className="w-[460px] rounded-md border border-zinc-300 bg-white shadow-2xl">
        <header className="border-b border-zinc-200 px-4 py-2.5">
          <h2 id={titleId} className="text-sm font-semibold text-zinc-900">
            Delete {entity.definition.apiName}?
          </h2>
          <p className="text-xs text-zinc-500">
            Deletes version {entity.version} of the {what}. Its history stays.
          </p>
        </header>
        {failure ? (
          <div className="px-4 py-2">
            <Callout title={failure.title}>
              <p>{failure.message}</p>
              {references.length > 0 ? (
                <ul className="list-disc pl-4" aria-label="Used by">
                  {references.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
              ) : null}
            </Callout>
          </div>
        ) : null}
        <footer className="flex items-center gap-2 border-t border-zinc-200 bg-zinc-50 px-4 py-2">
          <Button variant="ghost" onClick={onCancel}>
            Cancel <Kbd>Esc</Kbd>
          </Button>
          <Button variant="danger" onClick={() => void confirm()} disabled={commands.pending}>
            Delete {ENTITY_LABEL[kind]}
          </Button>
        </footer>
      </div>
    </div>
  );
}
