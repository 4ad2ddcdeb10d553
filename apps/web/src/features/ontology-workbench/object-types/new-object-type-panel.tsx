'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { PRIMARY_KEY_TYPES, type FieldIssue } from '@spice/domain';
import { Button } from '@/components/ui/button';
import { Callout } from '@/components/ui/callout';
import { Field } from '@/components/ui/field';
import { Input, Textarea } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { SidePanel } from '@/components/ui/side-panel';
import { useToast } from '@/components/ui/toast';
import { describeError, type DescribedError } from '@/lib/describe-error';
import { issuesAt } from '../edit/issues';
import { entityPath } from '../model/entity-paths';
import { onBranch } from '../model/use-branch';
import { useEntityCommands } from '../model/use-entity-commands';

const FORM_ID = 'new-object-type-form';

/**
 * Defines an object type with its identity: names, a description and the primary-key property. Everything
 * else (more properties, keys, links, interfaces) is edited on its page, which opens once it exists.
 */
export function NewObjectTypePanel({ open, onClose, ontologyId, branch }: { open: boolean; onClose: () => void; ontologyId: string; branch: string }) {
  const router = useRouter();
  const toast = useToast();
  const commands = useEntityCommands(ontologyId, branch);
  const [apiName, setApiName] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [description, setDescription] = useState('');
  const [keyEdited, setKeyEdited] = useState<string | null>(null);
  const [keyType, setKeyType] = useState<string>('string');
  const [issues, setIssues] = useState<readonly FieldIssue[]>([]);
  const [failure, setFailure] = useState<DescribedError | null>(null);

  const reset = () => {
    setApiName('');
    setDisplayName('');
    setDescription('');
    setKeyEdited(null);
    setKeyType('string');
    setIssues([]);
    setFailure(null);
  };
  const close = () => {
    reset();
    onClose();
  };

  // Follows the API name (Vessel → vesselId) until the user types a key of their own.
  const keyName = keyEdited ?? suggestedKey(apiName);

  const submit = async () => {
    setIssues([]);
    setFailure(null);
    const key = keyName.trim();
    const definition = {
      apiName: apiName.trim(),
      displayName: displayName.trim(),
      description,
      properties: key ? [{ apiName: key, displayName: humanise(key), dataType: keyType, required: true, unique: true }] : [],
      primaryKey: key || null,
      titleKey: null,
    };
    try {
      const outcome = await commands.define('objectType', definition, `Define ${definition.apiName}`);
      toast({ tone: 'success', title: `Object type ${definition.apiName} defined`, detail: `Command ${outcome.commandId} ${outcome.status}.` });
      close();
      router.push(onBranch(entityPath(ontologyId, 'objectType', outcome.id), branch));
    } catch (error) {
      const described = describeError(error);
      setIssues(described.issues);
      setFailure(described);
    }
  };

  const keyIssues = [...(issuesAt(issues, 'primaryKey') ?? []), ...(issuesAt(issues, 'properties.0.apiName') ?? [])];
  return (
    <SidePanel
      open={open}
      onClose={close}
      title="New object type"
      description="Names and the primary key; add the other properties on its page."
      footer={
        <>
          <Button variant="primary" type="submit" form={FORM_ID} disabled={commands.pending}>
            {commands.pending ? 'Creating…' : 'Create object type'}
          </Button>
          <Button variant="ghost" onClick={close}>
            Cancel
          </Button>
        </>
      }
    >
      <form
        id={FORM_ID}
        aria-label="New object type"
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {failure && failure.issues.length === 0 ? <Callout title={failure.title}>{failure.message}</Callout> : null}
        <Field id="new-ot-api-name" label="API name" hint="PascalCase, e.g. Vessel" errors={issuesAt(issues, 'apiName')}>
          <Input id="new-ot-api-name" value={apiName} onChange={(e) => setApiName(e.target.value)} aria-invalid={issuesAt(issues, 'apiName') ? true : undefined} className="font-mono" />
        </Field>
        <Field id="new-ot-display-name" label="Display name" errors={issuesAt(issues, 'displayName')}>
          <Input id="new-ot-display-name" value={displayName} onChange={(e) => setDisplayName(e.target.value)} aria-invalid={issuesAt(issues, 'displayName') ? true : undefined} />
        </Field>
        <Field id="new-ot-description" label="Description" errors={issuesAt(issues, 'description')}>
          <Textarea id="new-ot-description" value={description} onChange={(e) => setDescription(e.target.value)} />
        </Field>
        <div className="grid grid-cols-[1fr_9rem] gap-2">
          <Field id="new-ot-key" label="Primary key property" hint="Empty: no key yet (add one on its page)" errors={keyIssues.length > 0 ? keyIssues : undefined}>
            <Input id="new-ot-key" value={keyName} onChange={(e) => setKeyEdited(e.target.value)} aria-invalid={keyIssues.length > 0 ? true : undefined} className="font-mono" />
          </Field>
          <Field id="new-ot-key-type" label="Key type">
            <Select id="new-ot-key-type" value={keyType} onChange={(e) => setKeyType(e.target.value)}>
              {PRIMARY_KEY_TYPES.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        {failure && failure.issues.length > 0 ? (
          <ul className="list-disc pl-4 text-xs text-red-700">
            {failure.issues
              .filter((i) => !['apiName', 'displayName', 'description', 'primaryKey', 'properties.0.apiName'].includes(i.path))
              .map((i) => (
                <li key={`${i.path}:${i.message}`}>
                  {i.path}: {i.message}
                </li>
              ))}
          </ul>
        ) : null}
        <button type="submit" hidden />
      </form>
    </SidePanel>
  );
}

const suggestedKey = (apiName: string) => (apiName.trim() ? `${apiName.trim().charAt(0).toLowerCase()}${apiName.trim().slice(1)}Id` : '');

/** `vesselId` → "Vessel id": a starting display name the user can change. */
export function humanise(apiName: string): string {
  const words = apiName.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
