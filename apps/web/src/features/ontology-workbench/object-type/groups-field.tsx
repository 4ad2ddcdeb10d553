'use client';

import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { FieldErrors } from '@/components/ui/field';
import { Input } from '@/components/ui/input';

/** Free-form groups: Enter adds one, × removes it. */
export function GroupsField({ groups, errors, onChange }: { groups: readonly string[]; errors?: readonly string[]; onChange: (next: string[]) => void }) {
  const [text, setText] = useState('');
  const add = () => {
    const group = text.trim();
    if (group && !groups.includes(group)) onChange([...groups, group]);
    setText('');
  };
  return (
    <div className="space-y-1.5 px-3 py-2">
      <ul aria-label="Groups" className="flex flex-wrap gap-1">
        {groups.length === 0 ? <li className="text-xs text-zinc-500">In no group.</li> : null}
        {groups.map((g) => (
          <li key={g}>
            <Badge>
              {g}
              <button type="button" aria-label={`Remove group ${g}`} className="text-zinc-500 hover:text-zinc-900" onClick={() => onChange(groups.filter((x) => x !== g))}>
                ×
              </button>
            </Badge>
          </li>
        ))}
      </ul>
      <Input
        aria-label="Add group"
        placeholder="Add group, Enter"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            add();
          }
        }}
        className="text-xs"
      />
      <FieldErrors id="groups-errors" errors={errors} />
    </div>
  );
}
