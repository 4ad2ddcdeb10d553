import { eq, sql } from 'drizzle-orm';
import type { CommandLog, CommandRecord } from '@spice/domain';
import type { Database } from '../client';
import { commands } from '../schema';

export class PgCommandLog implements CommandLog {
  constructor(private readonly db: Database) {}

  async begin(record: Parameters<CommandLog['begin']>[0]): Promise<CommandRecord | null> {
    const inserted = await this.db
      .insert(commands)
      .values({ ...record, status: 'pending' })
      .onConflictDoNothing()
      .returning({ commandId: commands.commandId });
    return inserted.length > 0 ? null : this.get(record.commandId);
  }

  async markApplied(commandId: string, sequenceNumber: number): Promise<void> {
    await this.db.update(commands).set({ status: 'applied', sequenceNumber, updatedAt: sql`now()` }).where(eq(commands.commandId, commandId));
  }

  async markFailed(commandId: string, error: { code: string; message: string; issues?: unknown }): Promise<void> {
    await this.db.update(commands).set({ status: 'failed', error, updatedAt: sql`now()` }).where(eq(commands.commandId, commandId));
  }

  async get(commandId: string): Promise<CommandRecord | null> {
    const [row] = await this.db.select().from(commands).where(eq(commands.commandId, commandId));
    if (!row) return null;
    return {
      ...row,
      error: (row.error as CommandRecord['error']) ?? null,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  }
}
