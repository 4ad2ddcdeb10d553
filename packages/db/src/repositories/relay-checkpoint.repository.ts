import { eq, sql } from 'drizzle-orm';
import type { RelayCheckpointStore } from '@spice/domain';
import type { Database } from '../client';
import { relayCheckpoints } from '../schema';

export class PgRelayCheckpointStore implements RelayCheckpointStore {
  constructor(private readonly db: Database) {}

  async load(relay: string): Promise<string | null> {
    const [row] = await this.db.select().from(relayCheckpoints).where(eq(relayCheckpoints.relay, relay));
    return row?.position ?? null;
  }

  async save(relay: string, position: string): Promise<void> {
    await this.db
      .insert(relayCheckpoints)
      .values({ relay, position })
      .onConflictDoUpdate({ target: relayCheckpoints.relay, set: { position, updatedAt: sql`now()` } });
  }
}
