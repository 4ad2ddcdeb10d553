import { and, eq, sql } from 'drizzle-orm';
import type { CommandLease, CommandLog, CommandRecord, CommandStart, NewCommand } from '@spice/domain';
import type { Database } from '../client';
import { commands } from '../schema';

const leaseFor = (ms: number) => sql`now() + ${`${ms} milliseconds`}::interval`;
const pendingUnder = (commandId: string, owner: string) =>
  and(eq(commands.commandId, commandId), eq(commands.status, 'pending'), eq(commands.leaseOwner, owner));

export class PgCommandLog implements CommandLog {
  constructor(private readonly db: Database) {}

  async begin(record: NewCommand, lease: CommandLease): Promise<CommandStart> {
    const inserted = await this.db
      .insert(commands)
      .values({ ...record, status: 'pending', leaseOwner: lease.owner, leaseUntil: leaseFor(lease.ms) })
      .onConflictDoNothing()
      .returning({ commandId: commands.commandId });
    if (inserted.length > 0) return { kind: 'started' };
    // One statement: of tries racing for a lapsed lease, exactly one updates the row.
    const taken = await this.db
      .update(commands)
      .set({ leaseOwner: lease.owner, leaseUntil: leaseFor(lease.ms), updatedAt: sql`now()` })
      .where(
        and(
          eq(commands.commandId, record.commandId),
          eq(commands.status, 'pending'),
          eq(commands.payloadHash, record.payloadHash),
          sql`(${commands.leaseUntil} is null or ${commands.leaseUntil} < now())`,
        ),
      )
      .returning({ commandId: commands.commandId });
    if (taken.length > 0) return { kind: 'resumed' };
    // The insert found the row, and command rows are never deleted.
    return { kind: 'seen', record: (await this.get(record.commandId))! };
  }

  async renew(commandId: string, lease: CommandLease): Promise<boolean> {
    const renewed = await this.db
      .update(commands)
      .set({ leaseUntil: leaseFor(lease.ms) })
      .where(pendingUnder(commandId, lease.owner))
      .returning({ commandId: commands.commandId });
    return renewed.length > 0;
  }

  async release(commandId: string, owner: string): Promise<void> {
    await this.db.update(commands).set({ leaseUntil: null, updatedAt: sql`now()` }).where(pendingUnder(commandId, owner));
  }

  async markApplied(commandId: string, sequenceNumber: number): Promise<void> {
    await this.db
      .update(commands)
      .set({ status: 'applied', sequenceNumber, error: null, leaseUntil: null, updatedAt: sql`now()` })
      .where(eq(commands.commandId, commandId));
  }

  async markFailed(commandId: string, owner: string, error: { code: string; message: string; issues?: unknown }): Promise<boolean> {
    const failed = await this.db
      .update(commands)
      .set({ status: 'failed', error, leaseUntil: null, updatedAt: sql`now()` })
      .where(pendingUnder(commandId, owner))
      .returning({ commandId: commands.commandId });
    return failed.length > 0;
  }

  async get(commandId: string): Promise<CommandRecord | null> {
    const [row] = await this.db.select().from(commands).where(eq(commands.commandId, commandId));
    if (!row) return null;
    return {
      commandId: row.commandId,
      commandType: row.commandType,
      aggregateType: row.aggregateType,
      aggregateId: row.aggregateId,
      actor: row.actor,
      payloadHash: row.payloadHash,
      status: row.status,
      sequenceNumber: row.sequenceNumber,
      error: (row.error as CommandRecord['error']) ?? null,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  }
}
