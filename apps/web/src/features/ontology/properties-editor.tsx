'use client';

import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { FieldErrors } from '@/components/ui/field';
import { Icon } from '@/components/ui/icons';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import type { PropertyDraft } from './object-type-draft';

type Column = 'apiName' | 'displayName' | 'dataType' | 'required';

/** Rows of properties: API name, display name, data type, required; add and remove rows. */
export function PropertiesEditor({
  rows,
  dataTypes,
  errorsFor,
  onChange,
  onAdd,
  onRemove,
}: {
  rows: readonly PropertyDraft[];
  dataTypes: readonly string[];
  errorsFor: (path: string) => string[] | undefined;
  onChange: (key: string, patch: Partial<Omit<PropertyDraft, 'key'>>) => void;
  onAdd: () => void;
  onRemove: (key: string) => void;
}) {
  return (
    <fieldset className="space-y-1">
      <legend className="mb-1 flex w-full items-center text-xs font-medium text-zinc-700">Properties</legend>
      <div className="grid grid-cols-[1fr_1fr_7.5rem_4rem_1.75rem] gap-x-1.5 text-2xs font-medium tracking-wide text-zinc-500 uppercase">
        <span>API name</span>
        <span>Display name</span>
        <span>Type</span>
        <span>Required</span>
        <span />
      </div>
      {rows.map((row, i) => {
        const n = i + 1;
        const cellErrors = (c: Column) => errorsFor(`properties.${i}.${c}`);
        const rowErrors = [...(errorsFor(`properties.${i}`) ?? []), ...(['apiName', 'displayName', 'dataType', 'required'] as const).flatMap((c) => (cellErrors(c) ?? []).map((m) => `${LABEL[c]}: ${m}`))];
        return (
          <div key={row.key} className="space-y-0.5" data-testid={`property-row-${n}`}>
            <div className="grid grid-cols-[1fr_1fr_7.5rem_4rem_1.75rem] items-center gap-x-1.5">
              <Input
                aria-label={`Property ${n} API name`}
                aria-invalid={Boolean(cellErrors('apiName'))}
                className="font-mono text-xs"
                placeholder="camelCase"
                value={row.apiName}
                onChange={(e) => onChange(row.key, { apiName: e.target.value })}
              />
              <Input
                aria-label={`Property ${n} display name`}
                aria-invalid={Boolean(cellErrors('displayName'))}
                placeholder={row.apiName || 'Display name'}
                value={row.displayName}
                onChange={(e) => onChange(row.key, { displayName: e.target.value })}
              />
              <Select
                aria-label={`Property ${n} data type`}
                aria-invalid={Boolean(cellErrors('dataType'))}
                value={row.dataType}
                onChange={(e) => onChange(row.key, { dataType: e.target.value })}
              >
                {dataTypes.map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
              </Select>
              <label className="flex items-center justify-center">
                <Checkbox aria-label={`Property ${n} required`} checked={row.required} onChange={(e) => onChange(row.key, { required: e.target.checked })} />
              </label>
              <button
                type="button"
                aria-label={`Remove property ${n}`}
                onClick={() => onRemove(row.key)}
                className="flex size-7 items-center justify-center rounded text-zinc-400 hover:bg-red-50 hover:text-red-700"
              >
                <Icon name="trash" width={14} height={14} />
              </button>
            </div>
            <FieldErrors id={`property-${n}-error`} errors={rowErrors} />
          </div>
        );
      })}
      <Button size="sm" variant="ghost" onClick={onAdd} className="mt-1">
        <Icon name="plus" width={14} height={14} /> Add property
      </Button>
      <FieldErrors id="properties-error" errors={errorsFor('properties')} />
    </fieldset>
  );
}

const LABEL: Record<Column, string> = { apiName: 'API name', displayName: 'Display name', dataType: 'Type', required: 'Required' };
