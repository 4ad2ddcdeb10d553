'use client';

import { Fragment, useRef, useState, type KeyboardEvent } from 'react';
import { describeDataType, isWidening, type FieldIssue, type PropertyDefinition } from '@spice/domain';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { FieldErrors } from '@/components/ui/field';
import { Kbd } from '@/components/ui/kbd';
import { DataTypePicker } from '../data-type/data-type-picker';
import { invalidAt, issuesAt } from '../edit/issues';
import { moveItem, newProperty } from './property-draft';
import { PropertyDetails, type PropertyChoices } from './property-details';

/**
 * The properties of an object type, edited in place: one row each (API name, display name, type, flags), a
 * details row for description, constraints and default. Reorder by dragging the handle or Alt+↑/↓. A type
 * change that narrows the type is flagged as breaking before it is saved.
 */
export function PropertiesTable({
  properties,
  saved,
  issues,
  choices,
  onChange,
}: {
  properties: readonly PropertyDefinition[];
  /** The saved properties, to flag breaking type changes. */
  saved: readonly PropertyDefinition[];
  issues: readonly FieldIssue[];
  choices: PropertyChoices;
  onChange: (next: PropertyDefinition[]) => void;
}) {
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const dragFrom = useRef<number | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);

  const change = (i: number, patch: Partial<PropertyDefinition>) => onChange(properties.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  const move = (from: number, to: number) => {
    if (to < 0 || to >= properties.length) return;
    onChange(moveItem(properties, from, to));
    setExpanded((e) => new Set([...e].map((i) => (i === from ? to : i === to ? from : i))));
  };
  const onRowKey = (e: KeyboardEvent<HTMLTableRowElement>, i: number) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    const to = e.key === 'ArrowUp' ? i - 1 : i + 1;
    const field = (e.target as HTMLElement).dataset.field;
    move(i, to);
    // Focus follows the row to its new place.
    requestAnimationFrame(() => tableRef.current?.querySelector<HTMLElement>(`tr[data-row="${to}"] [data-field="${field}"]`)?.focus());
  };

  return (
    <div>
      <table ref={tableRef} aria-label="Properties" className="w-full border-separate border-spacing-0 text-[13px]">
        <thead>
          <tr className="text-left text-2xs font-semibold tracking-wide text-zinc-500 uppercase">
            {['', '#', 'API name', 'Display name', 'Type', 'Req', 'Uniq', 'Search', '', ''].map((h, i) => (
              <th key={i} className="sticky top-0 border-b border-zinc-200 bg-zinc-50 px-1.5 py-1 whitespace-nowrap">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {properties.map((p, i) => {
            const n = i + 1;
            const before = saved.find((s) => s.apiName === p.apiName);
            const narrowed = before !== undefined && !isWidening(before.dataType, p.dataType);
            const rowIssues = issues.filter((x) => x.path.startsWith(`properties.${i}.`) || x.path === `properties.${i}`);
            const open = expanded.has(i) || rowIssues.some((x) => /\.(constraints|default|description|sharedPropertyType|valueType)/.test(x.path));
            return (
              <Fragment key={i}>
                <tr
                  data-row={i}
                  aria-label={`Property ${n}`}
                  onKeyDown={(e) => onRowKey(e, i)}
                  onDragOver={(e) => e.preventDefault()}
                  onDrop={(e) => {
                    e.preventDefault();
                    if (dragFrom.current !== null) move(dragFrom.current, i);
                    dragFrom.current = null;
                  }}
                  className="align-top hover:bg-zinc-50"
                >
                  <td className="w-5 border-b border-zinc-100 py-1 pl-1">
                    <span
                      draggable
                      onDragStart={() => (dragFrom.current = i)}
                      title="Drag to reorder (or Alt+↑/↓)"
                      aria-hidden
                      className="cursor-grab px-0.5 text-zinc-400 select-none"
                    >
                      ⠿
                    </span>
                  </td>
                  <td className="w-6 border-b border-zinc-100 px-1 py-1.5 text-2xs text-zinc-500 tabular-nums">{n}</td>
                  <td className="border-b border-zinc-100 px-1 py-1">
                    <input
                      aria-label={`Property ${n} API name`}
                      data-field="apiName"
                      value={p.apiName}
                      aria-invalid={invalidAt(issues, `properties.${i}.apiName`) || undefined}
                      onChange={(e) => change(i, { apiName: e.target.value })}
                      className={cellInput(invalidAt(issues, `properties.${i}.apiName`), 'font-mono')}
                    />
                  </td>
                  <td className="border-b border-zinc-100 px-1 py-1">
                    <input
                      aria-label={`Property ${n} display name`}
                      data-field="displayName"
                      value={p.displayName}
                      aria-invalid={invalidAt(issues, `properties.${i}.displayName`) || undefined}
                      onChange={(e) => change(i, { displayName: e.target.value })}
                      className={cellInput(invalidAt(issues, `properties.${i}.displayName`))}
                    />
                  </td>
                  <td className="min-w-72 border-b border-zinc-100 px-1 py-1">
                    <DataTypePicker
                      label={`Property ${n} data type`}
                      value={p.dataType}
                      invalid={invalidAt(issues, `properties.${i}.dataType`)}
                      onChange={(dataType) => change(i, { dataType })}
                    />
                    {narrowed ? (
                      <span className="mt-0.5 flex items-center gap-1 text-2xs text-amber-800" role="note">
                        <Badge tone="amber">breaking</Badge> {describeDataType(before.dataType)} → {describeDataType(p.dataType)} may not fit existing values
                      </span>
                    ) : null}
                  </td>
                  <td className="border-b border-zinc-100 px-1.5 py-1.5">
                    <Checkbox aria-label={`Property ${n} required`} data-field="required" checked={p.required} onChange={(e) => change(i, { required: e.target.checked })} />
                  </td>
                  <td className="border-b border-zinc-100 px-1.5 py-1.5">
                    <Checkbox aria-label={`Property ${n} unique`} data-field="unique" checked={p.unique} onChange={(e) => change(i, { unique: e.target.checked })} />
                  </td>
                  <td className="border-b border-zinc-100 px-1.5 py-1.5">
                    <Checkbox aria-label={`Property ${n} searchable`} data-field="searchable" checked={p.searchable} onChange={(e) => change(i, { searchable: e.target.checked })} />
                  </td>
                  <td className="border-b border-zinc-100 px-0.5 py-1">
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-expanded={open}
                      aria-label={`Property ${n} details`}
                      data-field="details"
                      onClick={() => setExpanded((e) => (e.has(i) ? new Set([...e].filter((x) => x !== i)) : new Set([...e, i])))}
                    >
                      {open ? '▾' : '▸'} More
                    </Button>
                  </td>
                  <td className="border-b border-zinc-100 px-0.5 py-1">
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-label={`Remove property ${n}`}
                      data-field="remove"
                      onClick={() => onChange(properties.filter((_, j) => j !== i))}
                    >
                      ×
                    </Button>
                  </td>
                </tr>
                {rowIssues.length > 0 ? (
                  <tr>
                    <td colSpan={2} />
                    <td colSpan={8} className="px-1 pb-1">
                      <FieldErrors id={`property-${n}-errors`} errors={rowIssues.map((x) => `${x.path.split('.').slice(2).join('.') || 'property'}: ${x.message}`)} />
                    </td>
                  </tr>
                ) : null}
                {open ? (
                  <tr>
                    <td colSpan={2} />
                    <td colSpan={8} className="border-b border-zinc-100 px-1 pb-2">
                      <PropertyDetails n={n} property={p} choices={choices} issues={issues} at={`properties.${i}`} onChange={(patch) => change(i, patch)} />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
      {properties.length === 0 ? <p className="px-2 py-3 text-xs text-zinc-500">No properties yet.</p> : null}
      <div className="flex items-center gap-2 px-1 pt-2">
        <Button size="sm" onClick={() => onChange([...properties, newProperty(properties.length + 1)])}>
          + Add property
        </Button>
        <span className="text-2xs text-zinc-500">
          Reorder: drag <span aria-hidden>⠿</span> or <Kbd>Alt ↑</Kbd> <Kbd>Alt ↓</Kbd>
        </span>
        {issuesAt(issues, 'properties') ? <FieldErrors id="properties-errors" errors={issuesAt(issues, 'properties')} /> : null}
      </div>
    </div>
  );
}

const cellInput = (invalid: boolean, extra = '') =>
  `h-6 w-full min-w-24 rounded border px-1.5 text-[13px] focus:border-accent-500 focus:ring-2 focus:ring-accent-100 focus:outline-none ${
    invalid ? 'border-red-500' : 'border-transparent bg-transparent hover:border-zinc-300'
  } ${extra}`;
