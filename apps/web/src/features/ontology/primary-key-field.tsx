'use client';

import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import type { PropertyDraft } from './object-type-draft';

/** The primary-key choice shared by the create and edit forms: any named property row can be picked. */
export function PrimaryKeyField({
  id,
  properties,
  keyTypes,
  value,
  errors,
  onChange,
}: {
  id: string;
  properties: readonly PropertyDraft[];
  keyTypes: readonly string[];
  value: string | null;
  errors: readonly string[] | undefined;
  onChange: (row: string | null) => void;
}) {
  const candidates = properties.filter((p) => p.apiName.trim() !== '');
  return (
    <Field id={id} label="Primary key" hint={`A required ${keyTypes.join(', ')} property.`} errors={errors}>
      <Select id={id} aria-invalid={Boolean(errors?.length)} value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">No primary key</option>
        {candidates.map((p) => (
          <option key={p.key} value={p.key}>
            {p.apiName.trim()} ({p.dataType})
          </option>
        ))}
      </Select>
    </Field>
  );
}
