'use client';

import { dataTypeName, NUMERIC_TYPES, TEMPORAL_TYPES, TEXT_TYPES, type EntityName, type FieldIssue, type PropertyDefinition } from '@spice/domain';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { parseEnumValues } from '../data-type/data-type-defaults';
import { issuesAt } from '../edit/issues';
import { defaultText, parseBound, parseCount, parseDefault, withConstraint } from './property-draft';

/** The shared property types and value types a property can use. */
export interface PropertyChoices {
  readonly sharedPropertyTypes: readonly EntityName[];
  readonly valueTypes: readonly EntityName[];
}

/** The less-used parts of a property: description, constraints that fit its type, default, shared and value types. */
export function PropertyDetails({
  n,
  property: p,
  choices,
  issues,
  at,
  onChange,
}: {
  n: number;
  property: PropertyDefinition;
  choices: PropertyChoices;
  issues: readonly FieldIssue[];
  at: string;
  onChange: (patch: Partial<PropertyDefinition>) => void;
}) {
  const name = dataTypeName(p.dataType);
  const c = p.constraints;
  const id = (f: string) => `prop-${n}-${f}`;
  const err = (f: string) => issuesAt(issues, `${at}.${f}`);
  const bounds = NUMERIC_TYPES.has(name) || TEMPORAL_TYPES.has(name);
  const text = TEXT_TYPES.has(name);
  return (
    <div className="grid grid-cols-4 gap-2 rounded bg-zinc-50 p-2">
      <div className="col-span-4">
        <Field id={id('description')} label={`Property ${n} description`} errors={err('description')}>
          <Input id={id('description')} value={p.description} onChange={(e) => onChange({ description: e.target.value })} />
        </Field>
      </div>
      {bounds ? (
        <>
          <Field id={id('min')} label="Min" errors={err('constraints.min')}>
            <Input id={id('min')} value={defaultText(c.min)} placeholder={TEMPORAL_TYPES.has(name) ? 'YYYY-MM-DD' : ''} onChange={(e) => onChange({ constraints: withConstraint(c, 'min', parseBound(e.target.value, p.dataType)) })} />
          </Field>
          <Field id={id('max')} label="Max" errors={err('constraints.max')}>
            <Input id={id('max')} value={defaultText(c.max)} placeholder={TEMPORAL_TYPES.has(name) ? 'YYYY-MM-DD' : ''} onChange={(e) => onChange({ constraints: withConstraint(c, 'max', parseBound(e.target.value, p.dataType)) })} />
          </Field>
        </>
      ) : null}
      {text ? (
        <>
          <Field id={id('minLength')} label="Min length" errors={err('constraints.minLength')}>
            <Input id={id('minLength')} type="number" min={0} value={defaultText(c.minLength)} onChange={(e) => onChange({ constraints: withConstraint(c, 'minLength', parseCount(e.target.value)) })} />
          </Field>
          <Field id={id('maxLength')} label="Max length" errors={err('constraints.maxLength')}>
            <Input id={id('maxLength')} type="number" min={1} value={defaultText(c.maxLength)} onChange={(e) => onChange({ constraints: withConstraint(c, 'maxLength', parseCount(e.target.value)) })} />
          </Field>
          <Field id={id('pattern')} label="Pattern (regex)" errors={err('constraints.pattern')}>
            <Input id={id('pattern')} className="font-mono" value={c.pattern ?? ''} onChange={(e) => onChange({ constraints: withConstraint(c, 'pattern', e.target.value || undefined) })} />
          </Field>
        </>
      ) : null}
      {name === 'string' ? (
        <Field id={id('enumValues')} label="Allowed values" hint="comma-separated" errors={err('constraints.enumValues')}>
          <Input id={id('enumValues')} value={(c.enumValues ?? []).join(', ')} onChange={(e) => onChange({ constraints: withConstraint(c, 'enumValues', parseEnumValues(e.target.value)) })} />
        </Field>
      ) : null}
      <Field id={id('default')} label="Default" errors={err('default')}>
        <Input id={id('default')} value={defaultText(p.default)} onChange={(e) => onChange({ default: parseDefault(e.target.value, p.dataType) })} />
      </Field>
      <Field id={id('shared')} label="Shared property type" errors={err('sharedPropertyType')}>
        <Select id={id('shared')} value={p.sharedPropertyType ?? ''} onChange={(e) => onChange({ sharedPropertyType: e.target.value || null })}>
          <option value="">none</option>
          {choices.sharedPropertyTypes.map((s) => (
            <option key={s.id} value={s.apiName}>
              {s.apiName}
            </option>
          ))}
        </Select>
      </Field>
      <Field id={id('valueType')} label="Value type" errors={err('valueType')}>
        <Select id={id('valueType')} value={p.valueType ?? ''} onChange={(e) => onChange({ valueType: e.target.value || null })}>
          <option value="">none</option>
          {choices.valueTypes.map((v) => (
            <option key={v.id} value={v.apiName}>
              {v.apiName}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}
