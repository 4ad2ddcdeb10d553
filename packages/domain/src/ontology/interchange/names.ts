/** Names for entities read from another tool's ontology, which has only IRIs and labels. */

/** The last segment of an IRI: after `#`, else after the last `/` or `:`. */
export function localName(iri: string): string {
  const trimmed = iri.replace(/[#/]+$/, '');
  const cut = Math.max(trimmed.lastIndexOf('#'), trimmed.lastIndexOf('/'), trimmed.lastIndexOf(':'));
  return decodeURIComponentSafe(trimmed.slice(cut + 1));
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** `first_name`, `has-part`, `URLValue` → [first, name], [has, part], [URL, Value]. */
function words(s: string): string[] {
  return s
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0);
}

const capitalised = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

export const pascalCase = (s: string): string => words(s).map(capitalised).join('');

export function camelCase(s: string): string {
  const [first = '', ...rest] = words(s);
  return first.toLowerCase() + rest.map(capitalised).join('');
}

/** `firstName` → "First name", `URLValue` → "URL value": a display name when the ontology has no label. */
export function humanised(s: string): string {
  const ws = words(s).map((w, i) => (w === w.toUpperCase() && w.length > 1 ? w : i === 0 ? capitalised(w.toLowerCase()) : w.toLowerCase()));
  return ws.join(' ');
}

/** An ontology id (`[a-z][a-z0-9-]{1,62}`) from an IRI's last segment, or null when none can be made. */
export function ontologyIdFrom(iri: string): string | null {
  const id = localName(iri)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return /^[a-z][a-z0-9-]{1,62}$/.test(id) ? id : null;
}
