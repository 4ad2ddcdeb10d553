'use client';

import { describeDataType, isPrimaryKeyType, PRIMARY_KEY_TYPES, type FieldIssue, type ObjectTypeDefinition } from '@spice/domain';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { issuesAt } from '../edit/issues';

/** Which property identifies an object (string, integer or long) and which one titles it. */
export function KeySpec({ draft, issues, onChange }: { draft: ObjectTypeDefinition; issues: readonly FieldIssue[]; onChange: (patch: Partial<ObjectTypeDefinition>) => void }) {
  const named = draft.properties.filter((p) => p.apiName.trim() !== '');
  return (
    <div className="grid grid-cols-2 gap-3">
      <Field id="ot-primary-key" label="Primary key" hint={`one of ${PRIMARY_KEY_TYPES.join(', ')}`} errors={issuesAt(issues, 'primaryKey')}>
        <Select
          id="ot-primary-key"
          value={draft.primaryKey ?? ''}
          aria-invalid={issuesAt(issues, 'primaryKey') ? true : undefined}
          onChange={(e) => onChange({ primaryKey: e.target.value || null })}
        >
          <option value="">none</option>
          {named.map((p) => (
            <option key={p.apiName} value={p.apiName} disabled={!isPrimaryKeyType(p.dataType)}>
              {p.apiName} ({describeDataType(p.dataType)})
            </option>
          ))}
        </Select>
      </Field>
      <Field id="ot-title-key" label="Title key" hint="shown as the object’s name" errors={issuesAt(issues, 'titleKey')}>
        <Select id="ot-title-key" value={draft.titleKey ?? ''} aria-invalid={issuesAt(issues, 'titleKey') ? true : undefined} onChange={(e) => onChange({ titleKey: e.target.value || null })}>
          <option value="">none</option>
          {named.map((p) => (
            <option key={p.apiName} value={p.apiName}>
              {p.apiName} ({describeDataType(p.dataType)})
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}
