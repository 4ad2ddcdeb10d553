'use client';

import Link from 'next/link';
import type { OntologyView } from '@spice/domain';
import { Button } from '@/components/ui/button';
import { FieldErrors } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { entityPath } from '../model/entity-paths';
import { onBranch } from '../model/use-branch';

/** The interfaces an object type implements: add or remove (saved with the rest of the edits). */
export function ImplementsPanel({
  ontologyId,
  branch,
  implemented,
  model,
  errors,
  onChange,
}: {
  ontologyId: string;
  branch: string;
  implemented: readonly string[];
  model: OntologyView;
  errors?: readonly string[];
  onChange: (next: string[]) => void;
}) {
  const available = model.entities.interface.filter((i) => !implemented.includes(i.definition.apiName));
  const byName = (name: string) => model.entities.interface.find((i) => i.definition.apiName === name);
  return (
    <div className="space-y-1.5 px-3 py-2">
      {implemented.length === 0 ? <p className="text-xs text-zinc-500">Implements no interface.</p> : null}
      <ul aria-label="Implemented interfaces" className="space-y-1">
        {implemented.map((name) => {
          const found = byName(name);
          return (
            <li key={name} className="flex items-center gap-2 text-xs">
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
            </li>
          );
        })}
      </ul>
      <Select aria-label="Add interface" value="" onChange={(e) => e.target.value && onChange([...implemented, e.target.value])} disabled={available.length === 0} className="text-xs">
        <option value="">{available.length === 0 ? 'No other interfaces' : 'Add interface…'}</option>
        {available.map((i) => (
          <option key={i.id} value={i.definition.apiName}>
            {i.definition.apiName} — {i.definition.displayName}
          </option>
        ))}
      </Select>
      <FieldErrors id="implements-errors" errors={errors} />
    </div>
  );
}
