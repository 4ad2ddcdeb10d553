'use client';

import Link from 'next/link';
import type { EntityName, EntityView } from '@spice/domain';
import { Button } from '@/components/ui/button';
import { FieldErrors } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { entityPath } from '../model/entity-paths';
import { onBranch } from '../model/use-branch';
import { interfaceRequirements } from './interface-requirements';

/** The interfaces an object type implements, with what each asks of it: add or remove (saved with the rest of the edits). */
export function ImplementsPanel({
  ontologyId,
  branch,
  implemented,
  choices,
  interfaces,
  errors,
  onChange,
}: {
  ontologyId: string;
  branch: string;
  implemented: readonly string[];
  /** Every interface, to add. */
  choices: readonly EntityName[];
  /** The implemented interfaces as saved and those they extend, for their requirements. */
  interfaces: readonly EntityView<'interface'>[];
  errors?: readonly string[];
  onChange: (next: string[]) => void;
}) {
  const available = choices.filter((i) => !implemented.includes(i.apiName));
  const byName = (name: string) => choices.find((i) => i.apiName === name);
  return (
    <div className="space-y-1.5 px-3 py-2">
      {implemented.length === 0 ? <p className="text-xs text-zinc-500">Implements no interface.</p> : null}
      <ul aria-label="Implemented interfaces" className="space-y-1">
        {implemented.map((name) => {
          const found = byName(name);
          const needs = interfaceRequirements(name, interfaces);
          return (
            <li key={name} className="flex flex-wrap items-center gap-x-2 text-xs">
              {found ? (
                <Link href={onBranch(entityPath(ontologyId, 'interface', found.id), branch)} className="font-mono text-accent-700 hover:underline">
                  {name}
                </Link>
              ) : (
                <span className="font-mono">{name}</span>
              )}
              <Button size="sm" variant="ghost" className="ml-auto" aria-label={`Remove interface ${name}`} onClick={() => onChange(implemented.filter((n) => n !== name))}>
                Remove
              </Button>
              {needs.length > 0 ? <p className="w-full text-2xs text-zinc-500">needs {needs.join(' · ')}</p> : null}
            </li>
          );
        })}
      </ul>
      <Select aria-label="Add interface" value="" onChange={(e) => e.target.value && onChange([...implemented, e.target.value])} disabled={available.length === 0} className="text-xs">
        <option value="">{available.length === 0 ? 'No other interfaces' : 'Add interface…'}</option>
        {available.map((i) => (
          <option key={i.id} value={i.apiName}>
            {i.apiName} — {i.displayName}
          </option>
        ))}
      </Select>
      <FieldErrors id="implements-errors" errors={errors} />
    </div>
  );
}
