import type { ReactNode } from 'react';
import { formatUtc } from '@/lib/format-time';
import { showDelimiter } from '../ingest/read-option-choices';
import type { Connector } from '../model/dataset-types';
import { scheduleInWords } from './schedule-preview';
import { NextRun, ScheduleText } from './schedule-text';
import { SOURCE_KINDS } from './source-kind';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-zinc-500">{label}</dt>
      <dd className="min-w-0 break-words text-zinc-800">{children}</dd>
    </>
  );
}

/** What the read options say, in a line: only what is set (the rest is detected on each run). */
function describeOptions(o: Connector['options']): string {
  const parts = [
    o.format ? `format ${o.format}` : null,
    o.encoding ? `encoding ${o.encoding}` : null,
    o.delimiter ? `delimiter ${showDelimiter(o.delimiter)}` : null,
    o.hasHeader === undefined ? null : o.hasHeader ? 'first row is the header' : 'no header row',
    o.sheet ? `sheet ${o.sheet}` : null,
    o.range ? `range ${o.range}` : null,
    o.badRows === 'skip' ? 'bad rows skipped' : 'bad rows fail the run',
  ];
  return parts.filter(Boolean).join(' · ');
}

/** A connector's settings at a glance, where it reads beside where and when it writes; header secrets show only their names. */
export function ConnectorSettings({ connector: c, now }: { connector: Connector; now: Date }) {
  const s = c.source;
  return (
    <div aria-label="Connector settings" role="group" className="grid gap-x-6 gap-y-1 p-3 text-xs xl:grid-cols-2">
      <dl className="grid grid-cols-[7rem_minmax(0,1fr)] content-start gap-x-3 gap-y-1">
        <Row label="Source">{SOURCE_KINDS[s.kind].short}</Row>
        {s.kind === 'http' ? (
          <>
            <Row label="URL">
              <span className="font-mono">{s.url}</span>
            </Row>
            <Row label="Headers">
              {s.headers.length === 0
                ? '—'
                : s.headers.map((h) => (
                    <span key={h.name} className="block font-mono">
                      {h.name}: {'secret' in h ? <span className="text-violet-700">secret {h.secret}</span> : h.value}
                    </span>
                  ))}
            </Row>
          </>
        ) : (
          <>
            <Row label="Spreadsheet">
              <span className="font-mono">{s.spreadsheetId}</span>
            </Row>
            <Row label={s.kind === 'google-sheets-csv' ? 'Tab (gid)' : 'Range'}>
              <span className="font-mono">{s.kind === 'google-sheets-csv' ? s.gid : s.range}</span>
            </Row>
            <Row label="Fetched from">
              <span className="font-mono">{c.sourceLabel}</span>
            </Row>
          </>
        )}
        <Row label="Read options">{describeOptions(c.options)}</Row>
        {c.description ? <Row label="Description">{c.description}</Row> : null}
      </dl>
      <dl className="grid grid-cols-[7rem_minmax(0,1fr)] content-start gap-x-3 gap-y-1">
        <Row label="Branch">
          <span className="font-mono">{c.branch}</span>
        </Row>
        <Row label="Schedule">
          <ScheduleText connector={c} />
          {c.schedule && scheduleInWords(c.schedule) ? <span className="ml-1.5 text-zinc-500">({scheduleInWords(c.schedule)})</span> : null}
        </Row>
        <Row label="Next run">
          <NextRun connector={c} now={now} />
        </Row>
        <Row label="Created">
          {formatUtc(c.createdAt)} by {c.createdBy}
        </Row>
        <Row label="Last changed">
          {formatUtc(c.updatedAt)} by {c.updatedBy}
        </Row>
      </dl>
    </div>
  );
}
