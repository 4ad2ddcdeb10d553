'use client';

import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import type { ConnectorDraft, SourceKind } from './connector-draft';
import { HeaderRows } from './header-rows';
import { SOURCE_KINDS } from './source-kind';

type Patch = (patch: Partial<ConnectorDraft>) => void;

/** Where the connector reads from: the kind of source, then what that kind needs. */
export function SourceFields({ draft, onChange, issues }: { draft: ConnectorDraft; onChange: Patch; issues: ReadonlyMap<string, string[]> }) {
  // A sheet is given by link or by id; the server names the field it was given in.
  const sheetErrors = [...(issues.get('source.url') ?? []), ...(issues.get('source.spreadsheetId') ?? [])];
  return (
    <>
      <Field id="connector-kind" label="Kind of source" hint={SOURCE_KINDS[draft.kind].hint} errors={issues.get('source.kind') ?? issues.get('source')}>
        <Select id="connector-kind" value={draft.kind} onChange={(e) => onChange({ kind: e.target.value as SourceKind })}>
          {Object.entries(SOURCE_KINDS).map(([kind, k]) => (
            <option key={kind} value={kind}>
              {k.label}
            </option>
          ))}
        </Select>
      </Field>
      {draft.kind === 'http' ? (
        <>
          <Field id="connector-url" label="URL" errors={issues.get('source.url')}>
            <Input
              id="connector-url"
              inputMode="url"
              className="font-mono text-xs"
              placeholder="https://ops.example.com/exports/fleet.csv"
              value={draft.url}
              aria-invalid={issues.has('source.url') || undefined}
              onChange={(e) => onChange({ url: e.target.value })}
            />
          </Field>
          <HeaderRows headers={draft.headers} onChange={(headers) => onChange({ headers })} issues={issues} />
        </>
      ) : (
        <div className="grid grid-cols-[minmax(0,1fr)_9rem] gap-3">
          <Field id="connector-sheet" label="Sheet link or spreadsheet id" errors={sheetErrors.length ? sheetErrors : undefined}>
            <Input
              id="connector-sheet"
              className="font-mono text-xs"
              placeholder="https://docs.google.com/spreadsheets/d/…/edit#gid=0"
              value={draft.sheet}
              aria-invalid={sheetErrors.length ? true : undefined}
              onChange={(e) => onChange({ sheet: e.target.value })}
            />
          </Field>
          {draft.kind === 'google-sheets-csv' ? (
            <Field id="connector-gid" label="Tab (gid)" hint="from the link, else the first tab" errors={issues.get('source.gid')}>
              <Input id="connector-gid" className="font-mono text-xs" inputMode="numeric" placeholder="0" value={draft.gid} aria-invalid={issues.has('source.gid') || undefined} onChange={(e) => onChange({ gid: e.target.value })} />
            </Field>
          ) : (
            <Field id="connector-range" label="Range (A1)" errors={issues.get('source.range')}>
              <Input id="connector-range" className="font-mono text-xs" placeholder="Sheet1!A1:F" value={draft.range} aria-invalid={issues.has('source.range') || undefined} onChange={(e) => onChange({ range: e.target.value })} />
            </Field>
          )}
        </div>
      )}
    </>
  );
}
