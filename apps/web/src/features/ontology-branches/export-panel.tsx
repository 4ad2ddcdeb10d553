'use client';

import { useQuery } from '@tanstack/react-query';
import { INTERCHANGE_FORMATS, type InterchangeFormat } from '@spice/domain';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Callout } from '@/components/ui/callout';
import { Panel } from '@/components/ui/panel';
import { Select } from '@/components/ui/select';
import { Skeleton } from '@/components/ui/skeleton';
import { describeError } from '@/lib/describe-error';
import { useTRPC } from '@/trpc/react';
import { downloadText, FORMAT_INFO } from './interchange-formats';

/** The preview shows the start of big documents; the download is always whole. */
const PREVIEW_CHARS = 100_000;

/** Exports a branch as JSON, JSON-LD or Turtle: a preview of the document and a download of it. */
export function ExportPanel({ ontologyId, branch }: { ontologyId: string; branch: string }) {
  const trpc = useTRPC();
  const [format, setFormat] = useState<InterchangeFormat>('jsonld');
  const exported = useQuery(trpc.model.interchange.export.queryOptions({ ontologyId, branch, format }));
  const info = FORMAT_INFO[format];
  const content = exported.data?.format === format ? exported.data.content : null;

  return (
    <Panel
      title="Export"
      meta={`${ontologyId} · ${branch}`}
      className="min-h-[420px]"
      actions={
        <>
          <Select
            aria-label="Export format"
            value={format}
            onChange={(e) => setFormat(e.target.value as InterchangeFormat)}
            className="w-28"
          >
            {INTERCHANGE_FORMATS.map((f) => (
              <option key={f} value={f}>
                {FORMAT_INFO[f].label}
              </option>
            ))}
          </Select>
          <Button
            variant="primary"
            size="sm"
            disabled={content === null}
            onClick={() =>
              content !== null &&
              downloadText(`${ontologyId}-${branch}.${info.extension}`, content, info.mime)
            }
          >
            Download .{info.extension}
          </Button>
        </>
      }
    >
      {exported.error ? (
        <div className="p-3">
          <Callout title={describeError(exported.error).title}>
            <p>{describeError(exported.error).message}</p>
          </Callout>
        </div>
      ) : content === null ? (
        <div className="space-y-1.5 p-3" role="status" aria-label="Exporting">
          <Skeleton className="h-4 w-2/3" />
          <Skeleton className="h-4 w-1/2" />
          <Skeleton className="h-4 w-3/4" />
        </div>
      ) : (
        <figure className="flex h-full flex-col">
          <figcaption className="border-b border-zinc-100 px-3 py-1 text-2xs text-zinc-500">
            {info.label} preview · {content.length.toLocaleString('en')} characters
            {content.length > PREVIEW_CHARS ? ` (first ${PREVIEW_CHARS.toLocaleString('en')} shown)` : ''}
          </figcaption>
          <pre
            aria-label={`${info.label} preview`}
            className="min-h-0 flex-1 overflow-auto bg-zinc-950 p-3 font-mono text-2xs leading-relaxed text-zinc-100"
          >
            {content.slice(0, PREVIEW_CHARS)}
          </pre>
        </figure>
      )}
    </Panel>
  );
}
