'use client';

import { Checkbox } from '@/components/ui/checkbox';
import { Field } from '@/components/ui/field';
import { FormSection } from '@/components/ui/form-section';
import { Input, Textarea } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { useNow } from '@/lib/use-now';
import type { ConnectorDraft } from './connector-draft';
import { ReadOptionsFields } from './read-options-fields';
import { ScheduleFields } from './schedule-fields';
import { SourceFields } from './source-fields';

/** The paths of the server's field issues this form shows on a field; any other issue goes in the form's callout. */
export const SHOWN_ISSUE = /^(name|description|branch|schedule|timezone|source(\..*)?|options\..*)$/;

/**
 * Every field of a connector, for the new and the edit panel: source, target branch, how to read it, when to run it,
 * and its name. `issues` are the server's, by field path.
 */
export function ConnectorFormFields({
  draft,
  onChange,
  issues,
  branches,
  creating,
}: {
  draft: ConnectorDraft;
  onChange: (patch: Partial<ConnectorDraft>) => void;
  issues: ReadonlyMap<string, string[]>;
  branches: readonly string[];
  /** Only a new connector can be created paused; an existing one has Pause and Resume. */
  creating: boolean;
}) {
  const now = useNow(30_000);
  return (
    <>
      <FormSection title="Source">
        <SourceFields draft={draft} onChange={onChange} issues={issues} />
      </FormSection>
      <FormSection title="Target">
        <Field id="connector-branch" label="Branch" hint="each run that finds new data commits a version on this branch" errors={issues.get('branch')}>
          <Select id="connector-branch" className="font-mono text-xs" value={draft.branch} onChange={(e) => onChange({ branch: e.target.value })}>
            {branches.map((b) => (
              <option key={b} value={b}>
                {b}
              </option>
            ))}
            {branches.includes(draft.branch) ? null : <option value={draft.branch}>{draft.branch}</option>}
          </Select>
        </Field>
      </FormSection>
      <FormSection title="Read options (detected when left empty)">
        <ReadOptionsFields kind={draft.kind} options={draft.options} onChange={(options) => onChange({ options })} issues={issues} />
      </FormSection>
      <FormSection title="Schedule">
        <ScheduleFields schedule={draft.schedule} timezone={draft.timezone} onChange={onChange} issues={issues} now={now} />
        {creating ? (
          <label className="flex items-center gap-1.5 text-xs text-zinc-700">
            <Checkbox checked={!draft.enabled} onChange={(e) => onChange({ enabled: !e.target.checked })} /> Create it paused (the schedule starts when you resume it)
          </label>
        ) : null}
      </FormSection>
      <FormSection title="About">
        <Field id="connector-name" label="Name" errors={issues.get('name')}>
          <Input id="connector-name" value={draft.name} placeholder="Fleet export (ops)" aria-invalid={issues.has('name') || undefined} onChange={(e) => onChange({ name: e.target.value })} />
        </Field>
        <Field id="connector-description" label="Description" errors={issues.get('description')}>
          <Textarea id="connector-description" value={draft.description} onChange={(e) => onChange({ description: e.target.value })} />
        </Field>
      </FormSection>
    </>
  );
}
