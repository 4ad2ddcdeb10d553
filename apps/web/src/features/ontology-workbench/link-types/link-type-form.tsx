'use client';

import { LINK_CARDINALITIES, OBJECT_TYPE_STATUSES, type FieldIssue, type LinkCardinality, type LinkTypeDefinition, type ObjectTypeStatus, type OntologyView } from '@spice/domain';
import { Field } from '@/components/ui/field';
import { Input, Textarea } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { issuesAt } from '../edit/issues';
import { withEndName, withLinkDescription } from './end-translations';

export const emptyLinkType = (source: string, target: string): LinkTypeDefinition => ({
  apiName: '',
  description: '',
  sourceObjectType: source,
  targetObjectType: target,
  cardinality: 'one-to-many',
  forward: { apiName: '', displayName: '', translations: {} },
  reverse: { apiName: '', displayName: '', translations: {} },
  relationship: null,
  status: 'experimental',
  translations: {},
});

const CARDINALITY_HINT: Record<LinkCardinality, string> = {
  'one-to-one': 'each source has at most one target and each target at most one source',
  'one-to-many': 'a source has many targets; a target has at most one source',
  'many-to-many': 'any number on both sides (needs a join table)',
};

/** A link type's fields: ends, cardinality, the names from each end, and where the pairs come from. */
export function LinkTypeForm({
  idPrefix,
  draft,
  model,
  issues,
  onChange,
}: {
  idPrefix: string;
  draft: LinkTypeDefinition;
  model: OntologyView;
  issues: readonly FieldIssue[];
  onChange: (next: LinkTypeDefinition) => void;
}) {
  const id = (f: string) => `${idPrefix}-${f}`;
  const err = (p: string) => issuesAt(issues, p);
  const inv = (p: string) => (err(p) ? true : undefined);
  const set = (patch: Partial<LinkTypeDefinition>) => onChange({ ...draft, ...patch });
  const types = model.entities.objectType.map((o) => o.definition);
  const rel = draft.relationship;
  const fkType = rel?.kind === 'foreignKey' ? types.find((t) => t.apiName === rel.objectType) : undefined;

  return (
    <div className="grid grid-cols-2 gap-x-3 gap-y-2.5">
      <Field id={id('api-name')} label="API name" hint="camelCase, e.g. employer" errors={err('apiName')}>
        <Input id={id('api-name')} className="font-mono" value={draft.apiName} aria-invalid={inv('apiName')} onChange={(e) => set({ apiName: e.target.value })} />
      </Field>
      <Field id={id('status')} label="Status" errors={err('status')}>
        <Select id={id('status')} value={draft.status} onChange={(e) => set({ status: e.target.value as ObjectTypeStatus })}>
          {OBJECT_TYPE_STATUSES.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </Select>
      </Field>
      <Field id={id('source')} label="Source object type" errors={err('sourceObjectType')}>
        <TypeSelect id={id('source')} value={draft.sourceObjectType} types={types.map((t) => t.apiName)} invalid={inv('sourceObjectType')} onChange={(sourceObjectType) => set({ sourceObjectType })} />
      </Field>
      <Field id={id('target')} label="Target object type" errors={err('targetObjectType')}>
        <TypeSelect id={id('target')} value={draft.targetObjectType} types={types.map((t) => t.apiName)} invalid={inv('targetObjectType')} onChange={(targetObjectType) => set({ targetObjectType })} />
      </Field>
      <div className="col-span-2">
        <Field id={id('cardinality')} label="Cardinality" hint={CARDINALITY_HINT[draft.cardinality]} errors={err('cardinality')}>
          <Select id={id('cardinality')} value={draft.cardinality} onChange={(e) => set({ cardinality: e.target.value as LinkCardinality })}>
            {LINK_CARDINALITIES.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </Select>
        </Field>
      </div>
      <EndFields idPrefix={idPrefix} side="forward" end={draft.forward} issues={issues} legend={`From ${draft.sourceObjectType || 'the source'} (names the targets)`} onChange={(forward) => set({ forward })} />
      <EndFields idPrefix={idPrefix} side="reverse" end={draft.reverse} issues={issues} legend={`From ${draft.targetObjectType || 'the target'} (names the sources)`} onChange={(reverse) => set({ reverse })} />
      <fieldset className="col-span-2 grid grid-cols-3 gap-x-3 gap-y-2 rounded border border-zinc-200 p-2">
        <legend className="px-1 text-2xs font-semibold tracking-wide text-zinc-500 uppercase">Relationship</legend>
        <Field id={id('relationship')} label="Relationship" errors={err('relationship')}>
          <Select
            id={id('relationship')}
            value={rel?.kind ?? ''}
            onChange={(e) =>
              set({
                relationship:
                  e.target.value === 'foreignKey'
                    ? { kind: 'foreignKey', objectType: draft.targetObjectType, property: '' }
                    : e.target.value === 'joinTable'
                      ? { kind: 'joinTable', datasetId: null, sourceColumn: '', targetColumn: '' }
                      : null,
              })
            }
          >
            <option value="">not set yet</option>
            <option value="foreignKey">foreign key property</option>
            <option value="joinTable">join table</option>
          </Select>
        </Field>
        {rel?.kind === 'foreignKey' ? (
          <>
            <Field id={id('fk-type')} label="Foreign key object type" errors={err('relationship.objectType')}>
              <TypeSelect
                id={id('fk-type')}
                value={rel.objectType}
                types={[...new Set([draft.sourceObjectType, draft.targetObjectType])]}
                onChange={(objectType) => set({ relationship: { ...rel, objectType, property: '' } })}
              />
            </Field>
            <Field id={id('fk-property')} label="Foreign key property" errors={err('relationship.property')}>
              <Select id={id('fk-property')} value={rel.property} aria-invalid={inv('relationship.property')} onChange={(e) => set({ relationship: { ...rel, property: e.target.value } })}>
                <option value="">choose…</option>
                {(fkType?.properties ?? []).map((p) => (
                  <option key={p.apiName} value={p.apiName}>
                    {p.apiName}
                  </option>
                ))}
              </Select>
            </Field>
          </>
        ) : null}
        {rel?.kind === 'joinTable' ? (
          <>
            <Field id={id('jt-source')} label="Source column" errors={err('relationship.sourceColumn')}>
              <Input id={id('jt-source')} className="font-mono" value={rel.sourceColumn} aria-invalid={inv('relationship.sourceColumn')} onChange={(e) => set({ relationship: { ...rel, sourceColumn: e.target.value } })} />
            </Field>
            <Field id={id('jt-target')} label="Target column" errors={err('relationship.targetColumn')}>
              <Input id={id('jt-target')} className="font-mono" value={rel.targetColumn} aria-invalid={inv('relationship.targetColumn')} onChange={(e) => set({ relationship: { ...rel, targetColumn: e.target.value } })} />
            </Field>
            <div className="col-span-3">
              <Field id={id('jt-dataset')} label="Join table dataset" hint="optional until datasets exist" errors={err('relationship.datasetId')}>
                <Input id={id('jt-dataset')} className="font-mono" value={rel.datasetId ?? ''} onChange={(e) => set({ relationship: { ...rel, datasetId: e.target.value || null } })} />
              </Field>
            </div>
          </>
        ) : null}
      </fieldset>
      <Field id={id('description')} label="Description" errors={err('description')}>
        <Textarea id={id('description')} value={draft.description} onChange={(e) => set({ description: e.target.value })} />
      </Field>
      <Field id={id('description-ko')} label="Description (ko)" errors={err('translations.ko.description') ?? err('translations.ko')}>
        <Textarea
          id={id('description-ko')}
          lang="ko"
          value={draft.translations.ko?.description ?? ''}
          aria-invalid={inv('translations.ko.description')}
          onChange={(e) => set({ translations: withLinkDescription(draft.translations, 'ko', e.target.value) })}
        />
      </Field>
    </div>
  );
}

const SIDE_LABEL = { forward: 'Forward', reverse: 'Reverse' } as const;

/** One end's names: its API name and display name, and the display name in Korean. */
function EndFields({
  idPrefix,
  side,
  end,
  issues,
  legend,
  onChange,
}: {
  idPrefix: string;
  side: 'forward' | 'reverse';
  end: LinkTypeDefinition['forward'];
  issues: readonly FieldIssue[];
  legend: string;
  onChange: (next: LinkTypeDefinition['forward']) => void;
}) {
  const id = (f: string) => `${idPrefix}-${side}-${f}`;
  const err = (p: string) => issuesAt(issues, `${side}.${p}`);
  const inv = (p: string) => (err(p) ? true : undefined);
  const label = SIDE_LABEL[side];
  return (
    <fieldset className="col-span-2 grid grid-cols-3 gap-x-3 gap-y-2 rounded border border-zinc-200 p-2">
      <legend className="px-1 text-2xs font-semibold tracking-wide text-zinc-500 uppercase">{legend}</legend>
      <Field id={id('api-name')} label={`${label} API name`} errors={err('apiName')}>
        <Input id={id('api-name')} className="font-mono" value={end.apiName} aria-invalid={inv('apiName')} onChange={(e) => onChange({ ...end, apiName: e.target.value })} />
      </Field>
      <Field id={id('display-name')} label={`${label} display name`} errors={err('displayName')}>
        <Input id={id('display-name')} value={end.displayName} aria-invalid={inv('displayName')} onChange={(e) => onChange({ ...end, displayName: e.target.value })} />
      </Field>
      <Field id={id('display-name-ko')} label={`${label} display name (ko)`} errors={err('translations.ko.displayName') ?? err('translations.ko')}>
        <Input
          id={id('display-name-ko')}
          lang="ko"
          value={end.translations.ko?.displayName ?? ''}
          aria-invalid={inv('translations.ko.displayName')}
          onChange={(e) => onChange({ ...end, translations: withEndName(end.translations, 'ko', e.target.value) })}
        />
      </Field>
    </fieldset>
  );
}

function TypeSelect({ id, value, types, invalid, onChange }: { id: string; value: string; types: readonly string[]; invalid?: boolean; onChange: (v: string) => void }) {
  return (
    <Select id={id} value={value} aria-invalid={invalid} onChange={(e) => onChange(e.target.value)} className="font-mono">
      {value === '' || !types.includes(value) ? <option value={value}>{value || 'choose…'}</option> : null}
      {types.map((t) => (
        <option key={t} value={t}>
          {t}
        </option>
      ))}
    </Select>
  );
}
