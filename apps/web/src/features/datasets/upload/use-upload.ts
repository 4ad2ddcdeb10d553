'use client';

import { useCallback, useRef, useState } from 'react';
import { uploadFile, UploadError, type UploadOutcome } from './upload-file';

export type UploadState =
  | { readonly status: 'idle' }
  | { readonly status: 'sending'; readonly sent: number; readonly total: number }
  /** Every byte is on the server, which stores, reads and profiles the file before it answers. */
  | { readonly status: 'reading'; readonly total: number }
  | { readonly status: 'done'; readonly outcome: UploadOutcome }
  | { readonly status: 'failed'; readonly error: UploadError };

export interface ChosenFile {
  readonly file: File;
  /** Made when the file is chosen, so a retry is recognised as the same upload. */
  readonly idempotencyKey: string;
}

/** One upload at a time from this panel: its progress, its outcome, retry with the same key, cancel. */
export function useUpload(datasetId: string) {
  const [state, setState] = useState<UploadState>({ status: 'idle' });
  const abortRef = useRef<(() => void) | null>(null);

  const start = useCallback(
    async (chosen: ChosenFile, settings: { branch: string; badRows: 'fail' | 'skip'; options: Record<string, string> }): Promise<UploadOutcome | null> => {
      setState({ status: 'sending', sent: 0, total: chosen.file.size });
      const upload = uploadFile({
        datasetId,
        file: chosen.file,
        idempotencyKey: chosen.idempotencyKey,
        ...settings,
        onProgress: (sent, total) => setState({ status: 'sending', sent, total }),
        onSent: () => setState({ status: 'reading', total: chosen.file.size }),
      });
      abortRef.current = upload.abort;
      try {
        const outcome = await upload.done;
        setState({ status: 'done', outcome });
        return outcome;
      } catch (e) {
        setState({ status: 'failed', error: e instanceof UploadError ? e : new UploadError(String(e), 0, null, [], {}) });
        return null;
      } finally {
        abortRef.current = null;
      }
    },
    [datasetId],
  );

  const cancel = useCallback(() => abortRef.current?.(), []);
  const reset = useCallback(() => setState({ status: 'idle' }), []);
  return { state, start, cancel, reset };
}
