'use client';

import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Kbd } from '@/components/ui/kbd';
import { describeError } from '@/lib/describe-error';

export const BREAKING_CHANGE = 'ONTOLOGY.BREAKING_CHANGE';

interface Question {
  readonly changes: readonly string[];
  readonly answer: (yes: boolean) => void;
}

/**
 * The server refuses a breaking change until it is acknowledged: `send(false)` first, and when the answer is
 * ONTOLOGY.BREAKING_CHANGE, list the changes in a confirm dialog and `send(true)` only on an explicit yes.
 * Resolves null when the user declines.
 */
export function useBreakingChangeConfirm(): {
  withConfirm: <T>(send: (acknowledged: boolean) => Promise<T>) => Promise<T | null>;
  dialog: ReactNode;
} {
  const [question, setQuestion] = useState<Question | null>(null);
  const withConfirm = useCallback(async <T,>(send: (acknowledged: boolean) => Promise<T>): Promise<T | null> => {
    try {
      return await send(false);
    } catch (error) {
      const described = describeError(error);
      if (described.domainCode !== BREAKING_CHANGE) throw error;
      const changes = Array.isArray(described.context.breakingChanges) ? described.context.breakingChanges.map(String) : [described.message];
      const yes = await new Promise<boolean>((answer) => setQuestion({ changes, answer }));
      setQuestion(null);
      return yes ? send(true) : null;
    }
  }, []);
  const dialog = question ? <BreakingChangeDialog changes={question.changes} onAnswer={question.answer} /> : null;
  return { withConfirm, dialog };
}

function BreakingChangeDialog({ changes, onAnswer }: { changes: readonly string[]; onAnswer: (yes: boolean) => void }) {
  const titleId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    dialogRef.current?.querySelector<HTMLButtonElement>('button')?.focus();
    // Captured first so the editor underneath doesn't also treat Esc as "discard my edits".
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopImmediatePropagation();
      onAnswer(false);
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, [onAnswer]);
  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-zinc-900/30">
      <div ref={dialogRef} role="alertdialog" aria-modal="true" aria-labelledby={titleId} className="w-[520px] max-w-full rounded-md border border-zinc-300 bg-white shadow-2xl">
        <header className="border-b border-zinc-200 px-4 py-2.5">
          <h2 id={titleId} className="text-sm font-semibold text-zinc-900">
            This is a breaking change
          </h2>
          <p className="text-xs text-zinc-500">Existing data or clients may stop working. Apply it anyway?</p>
        </header>
        <ul className="max-h-72 list-disc space-y-1 overflow-auto py-2.5 pr-4 pl-8 text-xs text-zinc-800">
          {changes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
        <footer className="flex items-center gap-2 border-t border-zinc-200 bg-zinc-50 px-4 py-2">
          <Button variant="danger" onClick={() => onAnswer(true)}>
            Apply breaking change
          </Button>
          <Button variant="ghost" onClick={() => onAnswer(false)}>
            Cancel <Kbd>Esc</Kbd>
          </Button>
        </footer>
      </div>
    </div>
  );
}
