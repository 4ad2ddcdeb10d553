'use client';

import { dataTypeName, NUMERIC_TYPES, TEMPORAL_TYPES, TEXT_TYPES, type Constraints, type DataType, type FieldIssue } from '@spice/domain';
import { Field } from '@/components/ui/field';
import { Input, Textarea } from '@/components/ui/input';
import { DataTypePicker } from '../data-type/data-type-picker';
import { invalidAt, issuesAt } from '../edit/issues';
import { defaultText, parseBound, parseCount, withConstraint } from '../object-type/property-draft';

/** What shared property types and value types have in common: names, a type and constraints. */
export interface SharedTypeDraft {
  apiName: string;
  displayName: string;
  description: string;
  type: DataType;
  constraints: Constraints;
}

export function SharedTypeForm({
  typeLabel,
  typePath,
  draft,
  issues,
  onChange,
}: {
  /** "Data type" or "Base type". */
  typeLabel: string;
  typePath: string;
  draft: SharedTypeDraft;
  issues: readonly FieldIssue[];
  onChange: (next: SharedTypeDraft) => void;
}) {
  const set = (patch: Partial<SharedTypeDraft>) => onChange({ ...draft, ...patch });
  const err = (p: string) => issuesAt(issues, p);
  const name = dataTypeName(draft.type);
  const c = draft.constraints;
  return (
    <div className="grid grid-cols-2 gap-3">
      <Field id="st-api-name" label="API name" errors={err('apiName')}>
        <Input id="st-api-name" className="font-mono" value={draft.apiName} aria-invalid={err('apiName') ? true : undefined} onChange={(e) => set({ apiName: e.target.value })} />
      </Field>
      <Field id="st-display-name" label="Display name" errors={err('displayName')}>
        <Input id="st-display-name" value={draft.displayName} aria-invalid={err('displayName') ? true : undefined} onChange={(e) => set({ displayName: e.target.value })} />
      </Field>
      <div className="col-span-2">
        <Field id="st-description" label="Description" errors={err('description')}>
          <Textarea id="st-description" value={draft.description} onChange={(e) => set({ description: e.target.value })} />
        </Field>
      </div>
      <div className="col-span-2 space-y-1">
        <span className="block text-xs font-medium text-zinc-700">{typeLabel}</span>
        <DataTypePicker label={typeLabel} value={draft.type} invalid={invalidAt(issues, typePath)} onChange={(type) => set({ type })} />
        {err(typePath) ? <p className="text-xs text-red-700">{err(typePath)!.join('; ')}</p> : null}
      </div>
      {NUMERIC_TYPES.has(name) || TEMPORAL_TYPES.has(name) ? (
        <>
          <Field id="st-min" label="Min" errors={err('constraints.min')}>
            <Input id="st-min" value={defaultText(c.min)} onChange={(e) => set({ constraints: withConstraint(c, 'min', parseBound(e.target.value, draft.type)) })} />
          </Field>
          <Field id="st-max" label="Max" errors={err('constraints.max')}>
            <Input id="st-max" value={defaultText(c.max)} onChange={(e) => set({ constraints: withConstraint(c, 'max', parseBound(e.target.value, draft.type)) })} />
          </Field>
        </>
      ) : null}
      {TEXT_TYPES.has(name) ? (
        <>
          <Field id="st-min-length" label="Min length" errors={err('constraints.minLength')}>
            <Input id="st-min-length" type="number" value={defaultText(c.minLength)} onChange={(e) => set({ constraints: withConstraint(c, 'minLength', parseCount(e.target.value)) })} />
          </Field>
          <Field id="st-max-length" label="Max length" errors={err('constraints.maxLength')}>
            <Input id="st-max-length" type="number" value={defaultText(c.maxLength)} onChange={(e) => set({ constraints: withConstraint(c, 'maxLength', parseCount(e.target.value)) })} />
          </Field>
          <div className="col-span-2">
            <Field id="st-pattern" label="Pattern (regex)" errors={err('constraints.pattern')}>
              <Input id="st-pattern" className="font-mono" value={c.pattern ?? ''} onChange={(e) => set({ constraints: withConstraint(c, 'pattern', e.target.value || undefined) })} />
            </Field>
          </div>
        </>
      ) : null}
    </div>
  );
}
