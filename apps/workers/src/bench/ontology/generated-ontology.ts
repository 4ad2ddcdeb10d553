/**
 * A large, valid ontology document in our JSON interchange format: `types` object types with `properties`
 * properties each (every data type represented), `links` link types spread over the types, deterministic.
 */
export function generatedOntology(ontologyId: string, types: number, properties: number, links: number): string {
  const dataTypes: unknown[] = ['string', 'integer', 'long', 'double', { type: 'decimal', precision: 12, scale: 2 }, 'boolean', 'date', 'timestamp', 'email', 'url', { type: 'enum', values: ['a', 'b', 'c'] }];
  const typeName = (i: number) => `Type${String(i).padStart(4, '0')}`;
  const objectTypes = Array.from({ length: types }, (_, i) => ({
    apiName: typeName(i),
    displayName: `Type ${i}`,
    description: `Generated object type ${i}`,
    status: 'active',
    properties: [
      { apiName: 'key', displayName: 'Key', dataType: 'string', required: true, unique: true },
      ...Array.from({ length: properties - 1 }, (_, p) => ({ apiName: `field${p}`, displayName: `Field ${p}`, dataType: dataTypes[p % dataTypes.length] })),
    ],
    primaryKey: 'key',
    titleKey: 'key',
    translations: { ko: { displayName: `유형 ${i}` } },
  }));
  const linkTypes = Array.from({ length: links }, (_, l) => {
    const source = l % types;
    const target = (l * 7 + 3) % types;
    return {
      apiName: `link${l}`,
      sourceObjectType: typeName(source),
      targetObjectType: typeName(target),
      cardinality: (['one-to-one', 'one-to-many', 'many-to-many'] as const)[l % 3],
      forward: { apiName: `to${l}`, displayName: `To ${l}` },
      reverse: { apiName: `from${l}`, displayName: `From ${l}` },
    };
  });
  return JSON.stringify({ formatVersion: 1, ontology: { id: ontologyId, displayName: 'Generated', description: '' }, objectTypes, linkTypes });
}
