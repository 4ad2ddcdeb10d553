import type { GraphModel } from './graph-model';

export interface SearchHit {
  id: string;
  kind: 'objectType' | 'interface';
  displayName: string;
  apiName: string;
}

/**
 * The types whose display or API name contains `query`, best first: an exact name, then a name that starts
 * with it, then a word that does, then anything containing it; shorter names first within each.
 */
export function searchTypes(model: GraphModel, query: string, limit = 8): SearchHit[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [];
  const scored: { hit: SearchHit; rank: number }[] = [];
  for (const n of model.nodes) {
    const hit: SearchHit =
      n.kind === 'objectType'
        ? { id: n.id, kind: n.kind, displayName: n.objectType.displayName, apiName: n.objectType.apiName }
        : { id: n.id, kind: n.kind, displayName: n.iface.displayName, apiName: n.iface.apiName };
    const rank = Math.min(rankOf(hit.displayName.toLowerCase(), q), rankOf(hit.apiName.toLowerCase(), q));
    if (rank < NO_MATCH) scored.push({ hit, rank });
  }
  scored.sort((a, b) => a.rank - b.rank || a.hit.displayName.length - b.hit.displayName.length || a.hit.displayName.localeCompare(b.hit.displayName));
  return scored.slice(0, limit).map((s) => s.hit);
}

const NO_MATCH = 4;

function rankOf(name: string, q: string): number {
  if (name === q) return 0;
  if (name.startsWith(q)) return 1;
  if (name.split(/[\s_\-.]+/).some((word) => word.startsWith(q))) return 2;
  return name.includes(q) ? 3 : NO_MATCH;
}
