'use client';

import type { FieldIssue, InterfaceDefinition, OntologyView } from '@spice/domain';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Field, FieldErrors } from '@/components/ui/field';
import { Input, Textarea } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { DataTypePicker } from '../data-type/data-type-picker';
import { invalidAt, issuesAt } from '../edit/issues';

export const emptyInterface = (): InterfaceDefinition => ({ apiName: '', displayName: '', description: '', extends: [], properties: [], links: [], translations: {} });

type InterfaceProperty = InterfaceDefinition['properties'][number];
type InterfaceLink = InterfaceDefinition['links'][number];

/** An interface: names, the interfaces it extends, the properties and links every implementer must have. */
export function InterfaceForm({
  idPrefix,
  draft,
  model,
  issues,
  onChange,
}: {
  idPrefix: string;
  draft: InterfaceDefinition;
  model: OntologyView;
  issues: readonly FieldIssue[];
  onChange: (next: InterfaceDefinition) => void;
}) {
  const id = (f: string) => `${idPrefix}-${f}`;
  const err = (p: string) => issuesAt(issues, p);
  const set = (patch: Partial<InterfaceDefinition>) => onChange({ ...draft, ...patch });
  const setProperty = (i: number, patch: Partial<InterfaceProperty>) => set({ properties: draft.properties.map((p, j) => (j === i ? { ...p, ...patch } : p)) });
  const setLink = (i: number, patch: Partial<InterfaceLink>) => set({ links: draft.links.map((l, j) => (j === i ? { ...l, ...patch } : l)) });
  const others = model.entities.interface.map((i) => i.definition.apiName).filter((n) => n !== draft.apiName);
  const extendable = others.filter((n) => !draft.extends.includes(n));

  return (
    <div className="space-y-3">
      <div className="grid grid-cols-2 gap-3">
        <Field id={id('api-name')} label="API name" errors={err('apiName')}>
          <Input id={id('api-name')} className="font-mono" value={draft.apiName} aria-invalid={err('apiName') ? true : undefined} onChange={(e) => set({ apiName: e.target.value })} />
        </Field>
        <Field id={id('display-name')} label="Display name" errors={err('displayName')}>
          <Input id={id('display-name')} value={draft.displayName} aria-invalid={err('displayName') ? true : undefined} onChange={(e) => set({ displayName: e.target.value })} />
        </Field>
        <div className="col-span-2">
          <Field id={id('description')} label="Description" errors={err('description')}>
            <Textarea id={id('description')} value={draft.description} onChange={(e) => set({ description: e.target.value })} />
          </Field>
        </div>
      </div>

      <section aria-label="Extends" className="space-y-1">
        <h3 className="text-xs font-semibold text-zinc-700">Extends</h3>
        <div className="flex flex-wrap items-center gap-1.5">
          {draft.extends.length === 0 ? <span className="text-xs text-zinc-500">No other interface.</span> : null}
          {draft.extends.map((name) => (
            <span key={name} className="inline-flex items-center gap-1 rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs">
              {name}
              <button type="button" aria-label={`Stop extending ${name}`} onClick={() => set({ extends: draft.extends.filter((n) => n !== name) })}>
                ×
              </button>
            </span>
          ))}
          <Select aria-label="Extend interface" value="" disabled={extendable.length === 0} onChange={(e) => e.target.value && set({ extends: [...draft.extends, e.target.value] })} className="w-48! text-xs">
            <option value="">Add…</option>
            {extendable.map((n) => (
              <option key={n}>{n}</option>
            ))}
          </Select>
        </div>
        <FieldErrors id={id('extends-errors')} errors={err('extends')} />
      </section>

      <section aria-label="Interface properties" className="space-y-1">
        <h3 className="text-xs font-semibold text-zinc-700">Properties every implementer has</h3>
        {draft.properties.map((p, i) => (
          <div key={i} className="flex flex-wrap items-start gap-1.5">
            <Input
              aria-label={`Interface property ${i + 1} API name`}
              className="w-40! font-mono"
              value={p.apiName}
              aria-invalid={invalidAt(issues, `properties.${i}.apiName`) || undefined}
              onChange={(e) => setProperty(i, { apiName: e.target.value })}
            />
            <DataTypePicker label={`Interface property ${i + 1} data type`} value={p.dataType} onChange={(dataType) => setProperty(i, { dataType })} invalid={invalidAt(issues, `properties.${i}.dataType`)} />
            <label className="flex h-7 items-center gap-1 text-xs">
              <Checkbox checked={p.required} onChange={(e) => setProperty(i, { required: e.target.checked })} aria-label={`Interface property ${i + 1} required`} /> required
            </label>
            <Button size="sm" variant="ghost" aria-label={`Remove interface property ${i + 1}`} onClick={() => set({ properties: draft.properties.filter((_, j) => j !== i) })}>
              ×
            </Button>
            <FieldErrors id={id(`p${i}-errors`)} errors={issues.filter((x) => x.path.startsWith(`properties.${i}`)).map((x) => x.message)} />
          </div>
        ))}
        <Button size="sm" onClick={() => set({ properties: [...draft.properties, { apiName: '', dataType: 'string', required: true, description: '' }] })}>
          + Add property
        </Button>
      </section>

      <section aria-label="Interface links" className="space-y-1">
        <h3 className="text-xs font-semibold text-zinc-700">Links every implementer has</h3>
        {draft.links.map((l, i) => (
          <div key={i} className="flex flex-wrap items-center gap-1.5">
            <Input aria-label={`Interface link ${i + 1} API name`} className="w-36! font-mono" value={l.apiName} onChange={(e) => setLink(i, { apiName: e.target.value })} />
            <Select
              aria-label={`Interface link ${i + 1} target kind`}
              className="w-32!"
              value={l.target.kind}
              onChange={(e) => setLink(i, { target: { kind: e.target.value as 'objectType' | 'interface', apiName: '' } })}
            >
              <option value="objectType">object type</option>
              <option value="interface">interface</option>
            </Select>
            <Select aria-label={`Interface link ${i + 1} target`} className="w-40! font-mono" value={l.target.apiName} onChange={(e) => setLink(i, { target: { ...l.target, apiName: e.target.value } })}>
              <option value="">choose…</option>
              {(l.target.kind === 'objectType' ? model.entities.objectType : model.entities.interface).map((t) => (
                <option key={t.id}>{t.definition.apiName}</option>
              ))}
            </Select>
            <label className="flex items-center gap-1 text-xs">
              <Checkbox checked={l.many} onChange={(e) => setLink(i, { many: e.target.checked })} aria-label={`Interface link ${i + 1} many`} /> many
            </label>
            <label className="flex items-center gap-1 text-xs">
              <Checkbox checked={l.required} onChange={(e) => setLink(i, { required: e.target.checked })} aria-label={`Interface link ${i + 1} required`} /> required
            </label>
            <Button size="sm" variant="ghost" aria-label={`Remove interface link ${i + 1}`} onClick={() => set({ links: draft.links.filter((_, j) => j !== i) })}>
              ×
            </Button>
            <FieldErrors id={id(`l${i}-errors`)} errors={issues.filter((x) => x.path.startsWith(`links.${i}`)).map((x) => x.message)} />
          </div>
        ))}
        <Button size="sm" onClick={() => set({ links: [...draft.links, { apiName: '', target: { kind: 'objectType', apiName: '' }, many: false, required: true }] })}>
          + Add link
        </Button>
      </section>
    </div>
  );
}
