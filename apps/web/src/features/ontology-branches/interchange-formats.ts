import type { InterchangeFormat } from '@spice/domain';

export const FORMAT_INFO: Record<InterchangeFormat, { label: string; extension: string; mime: string }> = {
  json: { label: 'JSON', extension: 'json', mime: 'application/json' },
  jsonld: { label: 'JSON-LD', extension: 'jsonld', mime: 'application/ld+json' },
  turtle: { label: 'Turtle', extension: 'ttl', mime: 'text/turtle' },
};

/** The format a file most likely holds, by its name; null when the name does not say. */
export function formatOfFile(name: string): InterchangeFormat | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.jsonld') || lower.endsWith('.json-ld')) return 'jsonld';
  if (lower.endsWith('.ttl') || lower.endsWith('.turtle')) return 'turtle';
  if (lower.endsWith('.json')) return 'json';
  return null;
}

/** Hands `content` to the browser as a file download. */
export function downloadText(fileName: string, content: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // After the click has handed the URL to the download.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
