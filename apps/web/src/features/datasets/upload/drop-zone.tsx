'use client';

import { useId, useRef, useState } from 'react';
import { cn } from '@/components/ui/cn';
import { formatBytes } from '../model/format-count';

export const ACCEPTED_FILES = '.csv,.tsv,.txt,.xlsx,.json,.ndjson,.jsonl,.parquet';

/** Drop a file here, or click (Enter / Space) to pick one. */
export function DropZone({ file, onFile, disabled }: { file: File | null; onFile: (file: File) => void; disabled?: boolean }) {
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  return (
    <div
      role="group"
      aria-label="Drop zone"
      onDragOver={(e) => {
        if (disabled || !e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const dropped = e.dataTransfer.files[0];
        if (dropped && !disabled) onFile(dropped);
      }}
      className={cn(
        'flex flex-col items-center justify-center gap-1 rounded-md border-2 border-dashed px-4 py-6 text-center transition-colors',
        over ? 'border-accent-500 bg-accent-50' : 'border-zinc-300 bg-zinc-50',
        disabled && 'opacity-60',
      )}
    >
      {file ? (
        <>
          <p className="font-medium text-zinc-900">{file.name}</p>
          <p className="text-2xs text-zinc-500">{formatBytes(file.size)}</p>
        </>
      ) : (
        <>
          <p className="font-medium text-zinc-800">Drop a file here</p>
          <p className="text-2xs text-zinc-500">CSV or TSV (any encoding), Excel (.xlsx), JSON, NDJSON or Parquet</p>
        </>
      )}
      <label htmlFor={inputId} className={cn('mt-1 cursor-pointer text-xs font-medium text-accent-700 hover:underline', disabled && 'pointer-events-none')}>
        {file ? 'Choose another file…' : 'or choose a file…'}
      </label>
      <input
        ref={inputRef}
        id={inputId}
        type="file"
        aria-label="File to upload"
        accept={ACCEPTED_FILES}
        disabled={disabled}
        className="sr-only"
        onChange={(e) => {
          const chosen = e.target.files?.[0];
          if (chosen) onFile(chosen);
          // The same file chosen again is a new choice (a new idempotency key).
          if (inputRef.current) inputRef.current.value = '';
        }}
      />
    </div>
  );
}
