import { describeError } from '@/lib/describe-error';
import { commandSent } from './last-command';

/** Sends a command with its label in the top bar's command status; rethrows the failure for the caller to show. */
export async function runTracked<T extends { commandId: string }>(
  label: string,
  send: () => Promise<T>,
): Promise<T> {
  const tracked = commandSent(label);
  try {
    const outcome = await send();
    tracked.accepted(outcome.commandId);
    return outcome;
  } catch (error) {
    tracked.refused(describeError(error).message);
    throw error;
  }
}
