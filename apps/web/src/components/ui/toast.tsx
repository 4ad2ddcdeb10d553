'use client';

import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { cn } from './cn';

interface Toast {
  readonly id: number;
  readonly tone: 'success' | 'error';
  readonly title: string;
  readonly detail?: ReactNode;
}

const ToastContext = createContext<((toast: Omit<Toast, 'id'>) => void) | null>(null);
const TOAST_MS = 8_000;
let nextId = 1;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), []);
  const show = useCallback(
    (toast: Omit<Toast, 'id'>) => {
      const id = nextId++;
      setToasts((all) => [...all.slice(-3), { ...toast, id }]);
      setTimeout(() => dismiss(id), TOAST_MS);
    },
    [dismiss],
  );
  const value = useMemo(() => show, [show]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div role="status" aria-live="polite" className="pointer-events-none fixed right-4 bottom-4 z-50 flex w-96 flex-col gap-2">
        {toasts.map((t) => (
          <div
            key={t.id}
            className={cn(
              'pointer-events-auto rounded-md border bg-white px-3 py-2 text-xs shadow-lg',
              t.tone === 'success' ? 'border-emerald-300' : 'border-red-300',
            )}
          >
            <div className="flex items-start gap-2">
              <span className={cn('mt-1 size-2 shrink-0 rounded-full', t.tone === 'success' ? 'bg-emerald-500' : 'bg-red-500')} aria-hidden />
              <div className="min-w-0 flex-1">
                <p className="font-semibold text-zinc-900">{t.title}</p>
                {t.detail ? <div className="mt-0.5 text-zinc-600">{t.detail}</div> : null}
              </div>
              <button type="button" className="text-zinc-400 hover:text-zinc-700" onClick={() => dismiss(t.id)} aria-label="Dismiss">
                ×
              </button>
            </div>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast() {
  const show = useContext(ToastContext);
  if (!show) throw new Error('useToast must be used inside <ToastProvider>');
  return show;
}
