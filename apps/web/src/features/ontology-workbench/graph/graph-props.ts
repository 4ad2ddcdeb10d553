import type { OntologyView } from '@spice/domain';
import type { OntologyGraphProps } from '@/features/ontology/graph/ontology-graph';

/** The graph's view models from a branch's model: types by id, links and `implements` between them. */
export function graphProps(model: OntologyView): Pick<OntologyGraphProps, 'objectTypes' | 'interfaces' | 'implementsEdges' | 'linkTypes'> {
  const typeId = new Map(model.entities.objectType.map((o) => [o.definition.apiName, o.id]));
  const interfaceId = new Map(model.entities.interface.map((i) => [i.definition.apiName, i.id]));
  return {
    objectTypes: model.entities.objectType.map((o) => ({
      id: o.id,
      apiName: o.definition.apiName,
      displayName: o.definition.displayName,
      status: o.definition.status,
      color: o.definition.color,
      icon: o.definition.icon,
      propertyCount: o.definition.properties.length,
      primaryKey: o.definition.primaryKey,
    })),
    interfaces: model.entities.interface.map((i) => ({ id: i.id, apiName: i.definition.apiName, displayName: i.definition.displayName })),
    implementsEdges: model.entities.objectType.flatMap((o) =>
      o.definition.implements.flatMap((name) => {
        const interfaceIdOf = interfaceId.get(name);
        return interfaceIdOf ? [{ objectTypeId: o.id, interfaceId: interfaceIdOf }] : [];
      }),
    ),
    linkTypes: model.entities.linkType.flatMap((l) => {
      const sourceId = typeId.get(l.definition.sourceObjectType);
      const targetId = typeId.get(l.definition.targetObjectType);
      if (!sourceId || !targetId) return [];
      return [{ id: l.id, apiName: l.definition.apiName, sourceId, targetId, cardinality: l.definition.cardinality, forwardName: l.definition.forward.apiName, reverseName: l.definition.reverse.apiName }];
    }),
  };
}
