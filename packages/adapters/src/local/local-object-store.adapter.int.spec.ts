import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testObjectStore } from '@spice/domain/contracts';
import { scratchFilesIn } from '../testing/scratch-files';
import { LocalObjectStore } from './local-object-store.adapter';

testObjectStore('local directory', async () => {
  const root = await mkdtemp(join(tmpdir(), 'spice-local-object-store-'));
  return {
    store: new LocalObjectStore({ root: join(root, 'objects') }),
    files: scratchFilesIn(root),
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
});
