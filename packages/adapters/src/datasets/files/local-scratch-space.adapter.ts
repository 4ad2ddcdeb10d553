import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ScratchDir, ScratchSpace } from '@spice/domain';

/** Scratch directories older than this belong to a process that died mid-ingest: swept at start. */
const ORPHAN_AGE_MS = 24 * 60 * 60 * 1000;

/** Working directories for ingests under one root (`<SPICE_DATA_DIR>/scratch`), each removed when its job step ends. */
export class LocalScratchSpace implements ScratchSpace {
  constructor(private readonly root: string) {}

  async create(label: string): Promise<ScratchDir> {
    await mkdir(this.root, { recursive: true });
    const path = await mkdtemp(join(this.root, `${label.replace(/[^A-Za-z0-9_-]/g, '_')}-`));
    return { path, file: (name) => join(path, name), release: () => rm(path, { recursive: true, force: true }) };
  }

  /** Removes directories left by processes that died long ago (a live job renews its files well within a day). */
  async sweepOrphans(now = Date.now()): Promise<number> {
    let removed = 0;
    const entries = await readdir(this.root, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const path = join(this.root, entry.name);
      const { mtimeMs } = await stat(path);
      if (now - mtimeMs < ORPHAN_AGE_MS) continue;
      await rm(path, { recursive: true, force: true });
      removed++;
    }
    return removed;
  }
}
