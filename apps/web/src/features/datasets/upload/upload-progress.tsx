import { formatBytes } from '../model/format-count';
import type { UploadState } from './use-upload';

/** The bar while bytes go up, then an indeterminate one while the server stores and reads the file. */
export function UploadProgress({ state }: { state: UploadState }) {
  if (state.status !== 'sending' && state.status !== 'reading') return null;
  const total = Math.max(state.total, 1);
  const sent = state.status === 'sending' ? state.sent : total;
  const pct = Math.floor((sent / total) * 100);
  return (
    <div className="space-y-1">
      <div
        role="progressbar"
        aria-label="Upload progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-valuetext={state.status === 'reading' ? 'Uploaded; reading the file' : `${pct}%`}
        className="h-2 overflow-hidden rounded-full bg-zinc-200"
      >
        <div className={state.status === 'reading' ? 'h-full w-full animate-pulse bg-accent-500' : 'h-full bg-accent-600 transition-[width]'} style={{ width: `${pct}%` }} />
      </div>
      <p className="text-2xs text-zinc-600" aria-live="polite">
        {state.status === 'reading'
          ? `Uploaded ${formatBytes(state.total)} · reading the file and proposing a schema…`
          : `${pct}% · ${formatBytes(sent)} of ${formatBytes(total)}`}
      </p>
    </div>
  );
}
