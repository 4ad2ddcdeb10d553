'use client';

import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Kbd } from './kbd';

/**
 * A modal sheet on the right edge: keeps the list in view while editing. Esc closes it; focus moves
 * into it on open and returns to where it was on close.
 */
export function SidePanel({
  open,
  title,
  description,
  onClose,
  footer,
  children,
}: {
  open: boolean;
  title: string;
  description?: string;
  onClose: () => void;
  footer?: ReactNode;
  children: ReactNode;
}) {
  const titleId = useId();
  const panelRef = useRef<HTMLDivElement>(null);

  // The latest onClose without re-running the effect: parents pass a new function on each render, and a re-run
  // would move the focus back to the first field (and restore it on cleanup) whenever the page behind refreshes.
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    if (!open) return;
    const previous = document.activeElement as HTMLElement | null;
    // The first field, not the header's close button: the panel opened to be filled in.
    const panel = panelRef.current;
    (panel?.querySelector<HTMLElement>('[data-panel-body] :is(input:not([type=hidden]), select, textarea)') ?? panel?.querySelector<HTMLElement>('input, select, textarea, button'))?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        onCloseRef.current();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      previous?.focus();
    };
  }, [open]);

  if (!open) return null;
  return (
    <div className="fixed inset-0 z-40 flex justify-end">
      <div className="absolute inset-0 bg-zinc-900/20" onClick={onClose} aria-hidden />
      <div
        ref={panelRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className="relative flex h-full w-[560px] max-w-full flex-col border-l border-zinc-300 bg-white shadow-2xl"
      >
        <header className="flex items-start gap-2 border-b border-zinc-200 px-4 py-2.5">
          <div>
            <h2 id={titleId} className="text-sm font-semibold text-zinc-900">
              {title}
            </h2>
            {description ? <p className="text-xs text-zinc-500">{description}</p> : null}
          </div>
          <button
            type="button"
            onClick={onClose}
            className="ml-auto flex items-center gap-1 rounded px-1.5 py-0.5 text-xs text-zinc-500 hover:bg-zinc-100"
            aria-label="Close"
          >
            <Kbd>Esc</Kbd>
          </button>
        </header>
        <div data-panel-body className="min-h-0 flex-1 overflow-auto px-4 py-3">
          {children}
        </div>
        {footer ? <footer className="flex items-center gap-2 border-t border-zinc-200 bg-zinc-50 px-4 py-2">{footer}</footer> : null}
      </div>
    </div>
  );
}
