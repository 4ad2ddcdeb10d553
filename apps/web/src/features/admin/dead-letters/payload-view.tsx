import { cn } from '@/components/ui/cn';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';

type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

/**
 * An event payload as keys and values: nested objects indent under their key, a list of flat records
 * (e.g. an object type's properties) becomes a small table, other lists number their items.
 */
export function PayloadView({ value, label }: { value: Readonly<Record<string, unknown>>; label: string }) {
  return <Fields value={value as Record<string, Json>} label={label} />;
}

function Fields({ value, label }: { value: { readonly [key: string]: Json }; label?: string }) {
  const entries = Object.entries(value);
  if (entries.length === 0) return <Empty>no fields</Empty>;
  return (
    <dl aria-label={label} className="grid grid-cols-[minmax(7rem,auto)_minmax(0,1fr)] gap-x-3 gap-y-1 text-xs">
      {entries.map(([key, v]) => {
        // A table needs the panel's full width: it goes under its key rather than beside it.
        const wide = Array.isArray(v) && isRecordList(v);
        return (
          <div key={key} className="contents">
            <dt className={cn('truncate font-mono text-2xs leading-5 text-zinc-500', wide && 'col-span-2')} title={key}>
              {key}
            </dt>
            <dd className={cn('min-w-0 leading-5', wide && 'col-span-2')}>
              <Value value={v} />
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

function Value({ value }: { value: Json }) {
  if (value === null) return <Empty>null</Empty>;
  if (typeof value === 'string') return value === '' ? <Empty>empty</Empty> : <span className="break-all text-zinc-900">{value}</span>;
  if (typeof value === 'number' || typeof value === 'boolean') return <span className="font-mono text-zinc-900">{String(value)}</span>;
  if (Array.isArray(value)) return <List items={value} />;
  return (
    <div className="border-l border-zinc-200 pl-2">
      <Fields value={value as { readonly [key: string]: Json }} />
    </div>
  );
}

function List({ items }: { items: readonly Json[] }) {
  if (items.length === 0) return <Empty>none</Empty>;
  if (isRecordList(items)) {
    const columns = [...new Set(items.flatMap((r) => Object.keys(r)))];
    return (
      <div className="overflow-x-auto rounded border border-zinc-200">
        <Table>
          <THead>
            <tr>
              {columns.map((c) => (
                <TH key={c} className="normal-case">
                  {c}
                </TH>
              ))}
            </tr>
          </THead>
          <TBody>
            {items.map((row, i) => (
              <TR key={i}>
                {columns.map((c) => (
                  <TD key={c} className="text-xs">
                    {row[c] === undefined ? <Empty>—</Empty> : <Value value={row[c]} />}
                  </TD>
                ))}
              </TR>
            ))}
          </TBody>
        </Table>
      </div>
    );
  }
  return (
    <ol className="space-y-1">
      {items.map((item, i) => (
        <li key={i} className="flex gap-2">
          <span className="font-mono text-2xs leading-5 text-zinc-400">{i + 1}.</span>
          <div className="min-w-0 flex-1">
            <Value value={item} />
          </div>
        </li>
      ))}
    </ol>
  );
}

/** Flat records (no nested values): shown as a table, one row each. */
function isRecordList(items: readonly Json[]): items is readonly { readonly [key: string]: Json }[] {
  return (
    items.length > 0 &&
    items.every((i) => i !== null && typeof i === 'object' && !Array.isArray(i) && Object.values(i).every(fitsInACell))
  );
}

/** Scalars, and small nested values (a data type, empty constraints) that a cell shows inline. */
function fitsInACell(v: Json): boolean {
  if (v === null || typeof v !== 'object') return true;
  return JSON.stringify(v).length <= 60;
}

function Empty({ children }: { children: string }) {
  return <span className="text-zinc-400 italic">{children}</span>;
}
