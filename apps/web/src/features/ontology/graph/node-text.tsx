'use client';

import { fitRuns, fitText, fontFamilies, measureText, type TextRun } from './text-fit';

// The fonts and sizes ontology-graph.css gives .og-name (near and mid), .og-meta and .og-status.
const NAME_SIZE = { near: 12, mid: 17 } as const;
const META_SIZE = 10;
const CODE_SIZE = 9.5;
const STATUS_FONT = '600 9px';
const STATUS_PADDING = 8;

/**
 * A node's name, cut to its width for each zoom band that shows it: one span when the name fits both, else
 * one per band for CSS to pick (`data-lod`).
 */
export function NodeName({ name, width, weight }: { name: string; width: number; weight: 'bold' | 'italic' }) {
  const { sans } = fontFamilies();
  const font = (size: number) => `${weight === 'bold' ? '600' : 'italic 500'} ${size}px ${sans}`;
  const near = fitText(name, font(NAME_SIZE.near), width);
  const mid = fitText(name, font(NAME_SIZE.mid), width);
  if (near === name && mid === name) return <span className="og-name">{name}</span>;
  return (
    <>
      <span className="og-name og-name-near">{near}</span>
      <span className="og-name og-name-mid">{mid}</span>
    </>
  );
}

/** Runs of text, alternately code and prose starting with code: `apiName`, ` · 12 props · key `, `customerId`. */
export function NodeMeta({ parts, width }: { parts: readonly string[]; width: number }) {
  const { sans, mono } = fontFamilies();
  const runs: TextRun[] = parts.map((text, i) => ({ text, font: i % 2 === 0 ? `${CODE_SIZE}px ${mono}` : `${META_SIZE}px ${sans}` }));
  return (
    <span className="og-meta">
      {fitRuns(runs, width).map((run, i) => (i % 2 === 0 ? <code key={i}>{run.text}</code> : run.text))}
    </span>
  );
}

/** Room a status badge takes on the name's line, with the gap before it. */
export function statusWidth(label: string, gap: number): number {
  return measureText(label.toUpperCase(), `${STATUS_FONT} ${fontFamilies().sans}`) + STATUS_PADDING + gap;
}
