'use client';

import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { ReadChoices } from '../ingest/read-option-choices';
import type { ReadOptions } from '../model/dataset-types';
import type { SourceKind } from './connector-draft';

/**
 * How the fetched file is read; what is left empty is detected on each run. A sheet always arrives as CSV, so it
 * has no format to choose. Options this form does not show (a sheet or range of a workbook) are kept as they are.
 */
export function ReadOptionsFields({ kind, options, onChange, issues }: { kind: SourceKind; options: ReadOptions; onChange: (options: ReadOptions) => void; issues: ReadonlyMap<string, string[]> }) {
  const set = <K extends keyof ReadOptions>(key: K, value: ReadOptions[K] | '') => {
    const next = { ...options };
    if (value === '' || value === undefined) delete next[key];
    else next[key] = value as ReadOptions[K];
    onChange(next);
  };
  const format = kind === 'http' ? options.format : 'csv';
  const textual = format !== 'xlsx' && format !== 'parquet';
  const delimited = format === undefined || format === 'csv' || format === 'tsv';
  const errors = (key: keyof ReadOptions) => issues.get(`options.${key}`);
  return (
    <div className="grid grid-cols-3 gap-3">
      {kind === 'http' ? (
        <Field id="connector-format" label="Format" errors={errors('format')}>
          <Select id="connector-format" value={options.format ?? ''} onChange={(e) => set('format', e.target.value as ReadOptions['format'])}>
            <ReadChoices of="format" />
          </Select>
        </Field>
      ) : null}
      {textual ? (
        <Field id="connector-encoding" label="Encoding" errors={errors('encoding')}>
          <Select id="connector-encoding" value={options.encoding ?? ''} onChange={(e) => set('encoding', e.target.value)}>
            <ReadChoices of="encoding" />
          </Select>
        </Field>
      ) : null}
      {delimited ? (
        <>
          <Field id="connector-delimiter" label="Delimiter" errors={errors('delimiter')}>
            <Select id="connector-delimiter" value={options.delimiter ?? ''} onChange={(e) => set('delimiter', e.target.value)}>
              <ReadChoices of="delimiter" />
            </Select>
          </Field>
          <Field id="connector-header-row" label="Header row" errors={errors('hasHeader')}>
            <Select
              id="connector-header-row"
              value={options.hasHeader === undefined ? '' : String(options.hasHeader)}
              onChange={(e) => set('hasHeader', e.target.value === '' ? '' : e.target.value === 'true')}
            >
              <ReadChoices of="hasHeader" />
            </Select>
          </Field>
        </>
      ) : null}
      <Field id="connector-bad-rows" label="Bad rows" errors={errors('badRows')}>
        <Select id="connector-bad-rows" value={options.badRows} onChange={(e) => set('badRows', e.target.value as ReadOptions['badRows'])}>
          <option value="fail">fail the run</option>
          <option value="skip">skip them, keep the report</option>
        </Select>
      </Field>
    </div>
  );
}
