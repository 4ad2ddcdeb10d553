import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { DEMO_ONTOLOGY_ID, seedDemoWorkspace } from '@spice/domain';
import { loadConfig } from '../config/config';
import { createLogger } from '../logging/logger';
import { createSystem } from './composition-root';

const actor = { id: 'dev@spice.local' };

it('seeds the demo over a command log where an earlier version used its command ids for other payloads', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'spice-demo-seed-'));
  const system = await createSystem(loadConfig({ SPICE_DATA_DIR: dir, LOG_LEVEL: 'warn' }), createLogger('warn'));
  try {
    // What an older seed recorded under the demo's fixed ids: the same commands in another shape.
    await system.ontology.createOntology({ ontologyId: DEMO_ONTOLOGY_ID, displayName: 'Demo', description: 'An older demo' }, actor, '00000000-0000-7000-8000-000000000001');
    const olderCustomer = { apiName: 'Customer', displayName: 'Customer', properties: [{ apiName: 'customerId', displayName: 'Customer ID', dataType: 'string', required: true }], primaryKey: 'customerId' };
    await system.ontology.defineObjectType(DEMO_ONTOLOGY_ID, olderCustomer, actor, '00000000-0000-7000-8000-000000000100');

    await expect(seedDemoWorkspace(system.ontology, actor)).resolves.toBeUndefined();
    await expect(seedDemoWorkspace(system.ontology, actor), 'and again, on the next start').resolves.toBeUndefined();
  } finally {
    await system.stop();
    await rm(dir, { recursive: true, force: true });
  }
});
