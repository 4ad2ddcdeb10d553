'use client';

import type { ColumnFormat } from '@spice/domain';
import type { ReactNode } from 'react';
import { FieldErrors } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { formatKeysFor, type DraftColumn } from './schema-draft';
import { TokenListInput } from './token-list-input';

const THOUSANDS = [
  { value: '', label: 'none (digits not grouped)' },
  { value: ',', label: 'comma ,' },
  { value: '.', label: 'dot .' },
  { value: ' ', label: 'space' },
  { value: "'", label: "apostrophe '" },
];

/**
 * How a column's text is read when it is cast: only the fields its type reads. Each control is labelled
 * "<field> of <column>" so forms and journeys find it by name. `errors` are the server's, by format field.
 */
export function FormatFields({ column, onChange, errors }: { column: DraftColumn; onChange: (format: ColumnFormat) => void; errors: ReadonlyMap<string, string[]> }) {
  const keys = new Set(formatKeysFor(column.dataType));
  const set = <K extends keyof ColumnFormat>(key: K, value: ColumnFormat[K] | undefined) => {
    const next = { ...column.format };
    if (value === undefined || value === '') delete next[key];
    else next[key] = value;
    onChange(next);
  };
  const of = (field: string) => `${field} of ${column.name}`;
  const field = (key: keyof ColumnFormat, title: string, control: ReactNode, hint?: string) => (
    <label className="flex min-w-0 flex-col gap-0.5">
      <span className="text-2xs font-medium text-zinc-600">{title}</span>
      {control}
      <FieldErrors id={`format-${column.name}-${key}`} errors={errors.get(key)} />
      {hint && !errors.get(key) ? <span className="text-2xs text-zinc-400">{hint}</span> : null}
    </label>
  );

  return (
    <div className="grid grid-cols-[repeat(auto-fill,minmax(190px,1fr))] gap-3">
      {field('nullTokens', 'Null tokens', <TokenListInput label={of('Null tokens')} value={column.format.nullTokens} onChange={(v) => set('nullTokens', v)} placeholder="NULL, N/A, -" />, 'the empty cell is always null')}
      {keys.has('dateFormat')
        ? field(
            'dateFormat',
            'Date format',
            <Input aria-label={of('Date format')} className="font-mono text-xs" placeholder="%Y-%m-%d" value={column.format.dateFormat ?? ''} onChange={(e) => set('dateFormat', e.target.value)} />,
            'strptime: %d/%m/%Y, %Y년 %m월 %d일',
          )
        : null}
      {keys.has('timestampFormat')
        ? field(
            'timestampFormat',
            'Timestamp format',
            <Input aria-label={of('Timestamp format')} className="font-mono text-xs" placeholder="%Y-%m-%d %H:%M:%S" value={column.format.timestampFormat ?? ''} onChange={(e) => set('timestampFormat', e.target.value)} />,
            'strptime, e.g. %d/%m/%Y %H:%M',
          )
        : null}
      {keys.has('decimalSeparator')
        ? field(
            'decimalSeparator',
            'Decimal separator',
            <Select aria-label={of('Decimal separator')} value={column.format.decimalSeparator ?? '.'} onChange={(e) => set('decimalSeparator', e.target.value === '.' ? undefined : (e.target.value as ','))}>
              <option value=".">dot .</option>
              <option value=",">comma ,</option>
            </Select>,
          )
        : null}
      {keys.has('thousandsSeparator')
        ? field(
            'thousandsSeparator',
            'Thousands separator',
            <Select
              aria-label={of('Thousands separator')}
              value={column.format.thousandsSeparator ?? ''}
              onChange={(e) => set('thousandsSeparator', e.target.value === '' ? undefined : (e.target.value as ColumnFormat['thousandsSeparator']))}
            >
              {THOUSANDS.map((t) => (
                <option key={t.label} value={t.value}>
                  {t.label}
                </option>
              ))}
            </Select>,
          )
        : null}
      {keys.has('currencyTokens')
        ? field('currencyTokens', 'Currency tokens', <TokenListInput label={of('Currency tokens')} value={column.format.currencyTokens} onChange={(v) => set('currencyTokens', v)} placeholder="₩, 원, KRW" />, 'symbols around the amount')
        : null}
      {keys.has('trueTokens') ? field('trueTokens', 'True tokens', <TokenListInput label={of('True tokens')} value={column.format.trueTokens} onChange={(v) => set('trueTokens', v)} placeholder="true, yes, 예" />) : null}
      {keys.has('falseTokens') ? field('falseTokens', 'False tokens', <TokenListInput label={of('False tokens')} value={column.format.falseTokens} onChange={(v) => set('falseTokens', v)} placeholder="false, no, 아니오" />) : null}
    </div>
  );
}
