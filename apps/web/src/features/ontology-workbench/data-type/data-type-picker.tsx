'use client';

import { useEffect, useState } from 'react';
import { SIMPLE_DATA_TYPES, type DataType } from '@spice/domain';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { dataTypeFor, dataTypeNameOf, PARAMETERISED, parseEnumValues, type DataTypeName } from './data-type-defaults';

/**
 * Picks any data type: the simple ones by name, and the parameterised ones with their parameters inline —
 * decimal(precision, scale), array<element>, struct{name: type, …}, money(currency), enum(values).
 * Every control is labelled from `label`, so forms and tests find them by name.
 */
export function DataTypePicker({
  label,
  value,
  onChange,
  invalid,
  allowed,
  disabled,
  className,
}: {
  label: string;
  value: DataType;
  onChange: (next: DataType) => void;
  invalid?: boolean;
  /** Restricts the names offered (e.g. primary key types); the current one is always offered. */
  allowed?: readonly string[];
  disabled?: boolean;
  className?: string;
}) {
  const name = dataTypeNameOf(value);
  const offered = (names: readonly string[]) => names.filter((n) => !allowed || allowed.includes(n) || n === name);
  const parameterised = offered(PARAMETERISED);
  return (
    <div className={cn('flex flex-wrap items-center gap-1', className)}>
      <Select
        aria-label={label}
        value={name}
        aria-invalid={invalid || undefined}
        disabled={disabled}
        onChange={(e) => onChange(dataTypeFor(e.target.value as DataTypeName, value))}
        className="w-auto! min-w-24"
      >
        <optgroup label="Simple">
          {offered(SIMPLE_DATA_TYPES).map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </optgroup>
        {parameterised.length > 0 ? (
          <optgroup label="With parameters">
            {parameterised.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </optgroup>
        ) : null}
      </Select>
      <Parameters label={label} value={value} onChange={onChange} disabled={disabled} />
    </div>
  );
}

function Parameters({ label, value, onChange, disabled }: { label: string; value: DataType; onChange: (next: DataType) => void; disabled?: boolean }) {
  if (typeof value === 'string') return null;
  switch (value.type) {
    case 'decimal':
      return (
        <>
          <NumberInput label={`${label} precision`} value={value.precision} onChange={(precision) => onChange({ ...value, precision })} disabled={disabled} />
          <span className="text-zinc-400">,</span>
          <NumberInput label={`${label} scale`} value={value.scale} onChange={(scale) => onChange({ ...value, scale })} disabled={disabled} />
        </>
      );
    case 'money':
      return (
        <Input
          aria-label={`${label} currency`}
          value={value.currency}
          maxLength={3}
          disabled={disabled}
          onChange={(e) => onChange({ ...value, currency: e.target.value.toUpperCase() })}
          className="w-14! font-mono"
          placeholder="USD"
        />
      );
    case 'enum':
      return <EnumValues label={label} values={value.values} onChange={(values) => onChange({ ...value, values })} disabled={disabled} />;
    case 'array':
      return (
        <>
          <span className="text-2xs text-zinc-500">of</span>
          <DataTypePicker label={`${label} element`} value={value.elementType} onChange={(elementType) => onChange({ ...value, elementType })} disabled={disabled} />
        </>
      );
    case 'struct':
      return (
        <div className="w-full space-y-1 border-l-2 border-zinc-200 pl-2">
          {value.fields.map((field, i) => (
            <div key={i} className="flex flex-wrap items-center gap-1">
              <Input
                aria-label={`${label} field ${i + 1} name`}
                value={field.name}
                disabled={disabled}
                onChange={(e) => onChange({ ...value, fields: value.fields.map((f, j) => (j === i ? { ...f, name: e.target.value } : f)) })}
                className="w-28! font-mono"
              />
              <DataTypePicker
                label={`${label} field ${i + 1} type`}
                value={field.dataType}
                disabled={disabled}
                onChange={(dataType) => onChange({ ...value, fields: value.fields.map((f, j) => (j === i ? { ...f, dataType } : f)) })}
              />
              <Button
                size="sm"
                variant="ghost"
                aria-label={`Remove ${label} field ${i + 1}`}
                disabled={disabled || value.fields.length === 1}
                onClick={() => onChange({ ...value, fields: value.fields.filter((_, j) => j !== i) })}
              >
                ×
              </Button>
            </div>
          ))}
          <Button
            size="sm"
            variant="ghost"
            disabled={disabled}
            onClick={() => onChange({ ...value, fields: [...value.fields, { name: `field${value.fields.length + 1}`, dataType: 'string' }] })}
          >
            + Field
          </Button>
        </div>
      );
  }
}

function NumberInput({ label, value, onChange, disabled }: { label: string; value: number; onChange: (n: number) => void; disabled?: boolean }) {
  return (
    <Input
      aria-label={label}
      type="number"
      min={0}
      max={38}
      value={Number.isFinite(value) ? value : ''}
      disabled={disabled}
      onChange={(e) => onChange(e.target.value === '' ? Number.NaN : Number(e.target.value))}
      className="w-14!"
    />
  );
}

/** Typed as text ("new, active, closed") so commas and spaces can be typed freely; the values follow. */
function EnumValues({ label, values, onChange, disabled }: { label: string; values: readonly string[]; onChange: (v: string[]) => void; disabled?: boolean }) {
  const [text, setText] = useState(values.join(', '));
  useEffect(() => {
    setText((current) => (parseEnumValues(current).join('\u0000') === values.join('\u0000') ? current : values.join(', ')));
  }, [values]);
  return (
    <Input
      aria-label={`${label} values`}
      value={text}
      disabled={disabled}
      placeholder="new, active, closed"
      onChange={(e) => {
        setText(e.target.value);
        onChange(parseEnumValues(e.target.value));
      }}
      className="w-48!"
    />
  );
}
