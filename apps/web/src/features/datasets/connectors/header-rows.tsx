'use client';

import { Button } from '@/components/ui/button';
import { FieldErrors } from '@/components/ui/field';
import { Icon } from '@/components/ui/icons';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import type { HeaderDraft } from './connector-draft';

/**
 * The request headers of an HTTP source. A header's value is sent as typed, or it names a secret the server holds
 * (CONNECTOR_SECRETS): the secret's value never passes through the browser or the connector's history.
 */
export function HeaderRows({ headers, onChange, issues }: { headers: readonly HeaderDraft[]; onChange: (headers: HeaderDraft[]) => void; issues: ReadonlyMap<string, string[]> }) {
  const set = (i: number, patch: Partial<HeaderDraft>) => onChange(headers.map((h, j) => (j === i ? { ...h, ...patch } : h)));
  return (
    <fieldset className="space-y-1.5">
      <legend className="text-xs font-medium text-zinc-700">Request headers</legend>
      {headers.map((h, i) => {
        const at = `source.headers.${i}`;
        const of = (...paths: string[]) => paths.flatMap((path) => issues.get(path) ?? []);
        const nameErrors = of(at, `${at}.name`);
        const textErrors = of(at, `${at}.value`, `${at}.secret`);
        const errors = [...new Set([...nameErrors, ...textErrors])];
        const n = i + 1;
        return (
          <div key={i} className="space-y-0.5">
            <div className="grid grid-cols-[minmax(0,1fr)_7.5rem_minmax(0,1.4fr)_auto] items-center gap-1.5">
              <Input aria-label={`Header ${n} name`} className="font-mono text-xs" placeholder="Authorization" value={h.name} aria-invalid={nameErrors.length ? true : undefined} onChange={(e) => set(i, { name: e.target.value })} />
              <Select aria-label={`Header ${n} value is`} value={h.mode} onChange={(e) => set(i, { mode: e.target.value as HeaderDraft['mode'] })}>
                <option value="value">the value</option>
                <option value="secret">a secret’s name</option>
              </Select>
              <Input
                aria-label={h.mode === 'secret' ? `Header ${n} secret name` : `Header ${n} value`}
                className="font-mono text-xs"
                placeholder={h.mode === 'secret' ? 'FLEET_API_TOKEN' : 'text/csv'}
                value={h.text}
                aria-invalid={textErrors.length ? true : undefined}
                onChange={(e) => set(i, { text: e.target.value })}
              />
              <Button size="sm" variant="ghost" aria-label={`Remove header ${n}`} onClick={() => onChange(headers.filter((_, j) => j !== i))}>
                <Icon name="trash" width={12} height={12} />
              </Button>
            </div>
            <FieldErrors id={`connector-header-${n}-error`} errors={errors} />
          </div>
        );
      })}
      <div className="flex items-center gap-2">
        <Button size="sm" onClick={() => onChange([...headers, { name: '', mode: 'value', text: '' }])}>
          <Icon name="plus" width={12} height={12} /> Add header
        </Button>
        <span className="text-2xs text-zinc-500">Credentials (Authorization, Cookie, tokens, keys) name a secret from the server’s CONNECTOR_SECRETS.</span>
      </div>
    </fieldset>
  );
}
