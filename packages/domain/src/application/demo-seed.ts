import { isDomainError } from '../shared/errors';
import type { Actor, OntologyService } from './ontology-service';

export const DEMO_ONTOLOGY_ID = 'demo';

/**
 * A small demo workspace so a newcomer sees something on first start. Fixed command ids make it
 * idempotent: running it again returns the recorded outcomes and appends nothing. An id an earlier version's
 * seed used for another payload (a command's shape changed since) is passed over: the demo never keeps the
 * workbench from starting.
 */
export async function seedDemoWorkspace(ontology: OntologyService, actor: Actor): Promise<void> {
  await ontology.createOntology(
    { ontologyId: DEMO_ONTOLOGY_ID, displayName: 'Demo workspace', description: 'Orders, customers and products' },
    actor,
    '00000000-0000-7000-8000-000000000001',
  ).catch(passOver(alreadyExists));
  const types = [
    {
      apiName: 'Customer',
      displayName: 'Customer',
      description: 'A person or company that places orders',
      properties: [
        { apiName: 'customerId', displayName: 'Customer ID', dataType: 'string', required: true },
        { apiName: 'name', displayName: 'Name', dataType: 'string', required: true },
        { apiName: 'email', displayName: 'Email', dataType: 'string' },
      ],
      primaryKey: 'customerId',
    },
    {
      apiName: 'Order',
      displayName: 'Order',
      description: 'A purchase of one or more products',
      properties: [
        { apiName: 'orderId', displayName: 'Order ID', dataType: 'string', required: true },
        { apiName: 'orderedAt', displayName: 'Ordered at', dataType: 'timestamp', required: true },
        { apiName: 'total', displayName: 'Total', dataType: 'decimal' },
      ],
      primaryKey: 'orderId',
    },
    {
      apiName: 'Product',
      displayName: 'Product',
      description: 'Something we sell',
      properties: [
        { apiName: 'sku', displayName: 'SKU', dataType: 'string', required: true },
        { apiName: 'name', displayName: 'Name', dataType: 'string', required: true },
        { apiName: 'price', displayName: 'Price', dataType: 'double' },
      ],
      primaryKey: 'sku',
    },
  ];
  for (const [i, t] of types.entries()) {
    await ontology
      .defineObjectType(DEMO_ONTOLOGY_ID, t, actor, `00000000-0000-7000-8000-0000000001${String(i).padStart(2, '0')}`)
      .catch(passOver(duplicateName));
  }
  const links = [
    { apiName: 'places', sourceObjectType: 'Customer', targetObjectType: 'Order', cardinality: 'one-to-many', forward: { apiName: 'orders', displayName: 'Orders' }, reverse: { apiName: 'customer', displayName: 'Customer' } },
    { apiName: 'contains', sourceObjectType: 'Order', targetObjectType: 'Product', cardinality: 'many-to-many', forward: { apiName: 'products', displayName: 'Products' }, reverse: { apiName: 'orders', displayName: 'Orders' } },
  ];
  for (const [i, l] of links.entries()) {
    await ontology
      .defineEntity({ ontologyId: DEMO_ONTOLOGY_ID, branch: 'main' }, 'linkType', l, actor, `00000000-0000-7000-8000-0000000002${String(i).padStart(2, '0')}`)
      .catch(passOver(invalid));
  }
}

/**
 * A seed step's failure that leaves the demo as good as it can be is passed over; any other is thrown. Always
 * passed over: a fixed id an earlier version's seed recorded for another payload.
 */
function passOver(expected: (e: unknown) => boolean): (e: unknown) => void {
  return (e) => {
    if (expected(e) || (isDomainError(e) && e.code === 'COMMAND.ID_REUSED')) return;
    throw e;
  };
}

/** The demo ontology may exist already (created by hand under another command id): keep it. */
const alreadyExists = (e: unknown) => isDomainError(e) && e.code === 'ONTOLOGY.ALREADY_EXISTS';

/** The demo's links need its types as seeded; when someone changed those, the demo goes without its links. */
const invalid = (e: unknown) => isDomainError(e) && e.kind === 'invalid';

const duplicateName = (e: unknown) => isDomainError(e) && e.issues.every((i) => i.rule === 'unique');
