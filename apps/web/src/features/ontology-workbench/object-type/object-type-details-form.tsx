'use client';

import { OBJECT_TYPE_STATUSES, type FieldIssue, type ObjectTypeDefinition, type ObjectTypeStatus } from '@spice/domain';
import { Field } from '@/components/ui/field';
import { Input, Textarea } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { issuesAt } from '../edit/issues';
import { withTranslation } from './translations';

/** Names (English and Korean), description, icon, colour and status with its deprecation. */
export function ObjectTypeDetailsForm({
  draft,
  objectTypes,
  issues,
  onChange,
}: {
  draft: ObjectTypeDefinition;
  /** The apiNames of the types a deprecation can name as the replacement. */
  objectTypes: readonly string[];
  issues: readonly FieldIssue[];
  onChange: (patch: Partial<ObjectTypeDefinition>) => void;
}) {
  const ko = draft.translations.ko ?? {};
  const err = (path: string) => issuesAt(issues, path);
  const inv = (path: string) => (err(path) ? true : undefined);
  const setKo = (field: 'displayName' | 'pluralDisplayName' | 'description', value: string) =>
    onChange({ translations: withTranslation(draft.translations, 'ko', field, value) });
  // A replacement is another type that is not deprecated itself (the domain refuses anything else).
  const replacements = objectTypes.filter((apiName) => apiName !== draft.apiName);
  const setStatus = (status: ObjectTypeStatus) =>
    onChange({ status, deprecation: status === 'deprecated' ? (draft.deprecation ?? { reason: '', deadline: '', replacement: null }) : null });

  return (
    <div className="grid grid-cols-2 gap-x-4 gap-y-2.5">
      <Field id="ot-display-name" label="Display name" errors={err('displayName')}>
        <Input id="ot-display-name" value={draft.displayName} aria-invalid={inv('displayName')} onChange={(e) => onChange({ displayName: e.target.value })} />
      </Field>
      <Field id="ot-display-name-ko" label="Display name (ko)" errors={err('translations.ko.displayName')}>
        <Input id="ot-display-name-ko" lang="ko" value={ko.displayName ?? ''} onChange={(e) => setKo('displayName', e.target.value)} />
      </Field>
      <Field id="ot-plural" label="Plural display name" errors={err('pluralDisplayName')}>
        <Input id="ot-plural" value={draft.pluralDisplayName} aria-invalid={inv('pluralDisplayName')} onChange={(e) => onChange({ pluralDisplayName: e.target.value })} />
      </Field>
      <Field id="ot-plural-ko" label="Plural display name (ko)" errors={err('translations.ko.pluralDisplayName')}>
        <Input id="ot-plural-ko" lang="ko" value={ko.pluralDisplayName ?? ''} onChange={(e) => setKo('pluralDisplayName', e.target.value)} />
      </Field>
      <Field id="ot-description" label="Description" errors={err('description')}>
        <Textarea id="ot-description" value={draft.description} aria-invalid={inv('description')} onChange={(e) => onChange({ description: e.target.value })} />
      </Field>
      <Field id="ot-description-ko" label="Description (ko)" errors={err('translations.ko.description')}>
        <Textarea id="ot-description-ko" lang="ko" value={ko.description ?? ''} onChange={(e) => setKo('description', e.target.value)} />
      </Field>
      <div className="grid grid-cols-[1fr_1fr_1.2fr] gap-2">
        <Field id="ot-icon" label="Icon" hint="a glyph or icon name" errors={err('icon')}>
          <Input id="ot-icon" value={draft.icon ?? ''} aria-invalid={inv('icon')} onChange={(e) => onChange({ icon: e.target.value || null })} />
        </Field>
        <Field id="ot-color" label="Colour" errors={err('color')}>
          <div className="flex items-center gap-1">
            <input
              type="color"
              aria-label="Colour picker"
              value={draft.color ?? '#a1a1aa'}
              onChange={(e) => onChange({ color: e.target.value })}
              className="h-7 w-8 shrink-0 cursor-pointer rounded border border-zinc-300 bg-white p-0.5"
            />
            <Input id="ot-color" value={draft.color ?? ''} placeholder="none" aria-invalid={inv('color')} onChange={(e) => onChange({ color: e.target.value || null })} className="font-mono" />
          </div>
        </Field>
        <Field id="ot-status" label="Status" errors={err('status')}>
          <Select id="ot-status" value={draft.status} onChange={(e) => setStatus(e.target.value as ObjectTypeStatus)}>
            {OBJECT_TYPE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {draft.deprecation ? (
        <fieldset className="col-span-2 grid grid-cols-[2fr_1fr_1fr] gap-2 rounded border border-amber-200 bg-amber-50/60 p-2">
          <legend className="px-1 text-2xs font-semibold tracking-wide text-amber-800 uppercase">Deprecation</legend>
          <Field id="ot-deprecation-reason" label="Reason" errors={err('deprecation.reason') ?? err('deprecation')}>
            <Input
              id="ot-deprecation-reason"
              value={draft.deprecation.reason}
              aria-invalid={inv('deprecation.reason')}
              onChange={(e) => onChange({ deprecation: { ...draft.deprecation!, reason: e.target.value } })}
            />
          </Field>
          <Field id="ot-deprecation-deadline" label="Deadline" errors={err('deprecation.deadline')}>
            <Input
              id="ot-deprecation-deadline"
              type="date"
              value={draft.deprecation.deadline}
              aria-invalid={inv('deprecation.deadline')}
              onChange={(e) => onChange({ deprecation: { ...draft.deprecation!, deadline: e.target.value } })}
            />
          </Field>
          <Field id="ot-deprecation-replacement" label="Replacement" hint="the object type to use instead" errors={err('deprecation.replacement')}>
            <Select
              id="ot-deprecation-replacement"
              value={draft.deprecation.replacement ?? ''}
              aria-invalid={inv('deprecation.replacement')}
              onChange={(e) => onChange({ deprecation: { ...draft.deprecation!, replacement: e.target.value || null } })}
              className="font-mono"
            >
              {replacements.includes(draft.deprecation.replacement ?? '') ? null : <option value={draft.deprecation.replacement ?? ''}>{draft.deprecation.replacement ?? 'choose…'}</option>}
              {replacements.map((apiName) => (
                <option key={apiName} value={apiName}>
                  {apiName}
                </option>
              ))}
            </Select>
          </Field>
        </fieldset>
      ) : null}
    </div>
  );
}
