import type { EntityView, LinkTypeDefinition, OntologyView } from '@spice/domain';

export interface ObjectTypeFilters {
  readonly text: string;
  readonly status: 'any' | 'experimental' | 'active' | 'deprecated';
  readonly primaryKey: 'any' | 'with' | 'without';
  readonly links: 'any' | 'used' | 'unused';
}

export const NO_FILTERS: ObjectTypeFilters = { text: '', status: 'any', primaryKey: 'any', links: 'any' };

export interface ObjectTypeRow {
  readonly entity: EntityView<'objectType'>;
  readonly linkCount: number;
}

/** Object types with how many link types use each, filtered: text matches apiName, display name or description. */
export function objectTypeRows(model: OntologyView, filters: ObjectTypeFilters): ObjectTypeRow[] {
  const linkCounts = countLinks(model.entities.linkType.map((l) => l.definition));
  const text = filters.text.trim().toLowerCase();
  return model.entities.objectType
    .map((entity) => ({ entity, linkCount: linkCounts.get(entity.definition.apiName) ?? 0 }))
    .filter(({ entity: { definition: d }, linkCount }) => {
      if (text && ![d.apiName, d.displayName, d.description].some((s) => s.toLowerCase().includes(text))) return false;
      if (filters.status !== 'any' && d.status !== filters.status) return false;
      if (filters.primaryKey !== 'any' && (d.primaryKey !== null) !== (filters.primaryKey === 'with')) return false;
      if (filters.links !== 'any' && linkCount > 0 !== (filters.links === 'used')) return false;
      return true;
    });
}

function countLinks(links: readonly LinkTypeDefinition[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const l of links) {
    for (const end of new Set([l.sourceObjectType, l.targetObjectType])) counts.set(end, (counts.get(end) ?? 0) + 1);
  }
  return counts;
}
