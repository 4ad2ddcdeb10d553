/** While a run is going: its row goes from running to its outcome without a reload. */
export const RUNNING_REFRESH_MS = 1_500;
/** Around a schedule slot: the scheduler looks every 15 s, so the run shows soon after it starts. */
export const DUE_REFRESH_MS = 5_000;
/** Otherwise, for what other users and tabs change (a version landing refreshes at once, through the dataset's live feed). */
export const IDLE_REFRESH_MS = 30_000;
const DUE_SOON_MS = 60_000;

/**
 * How often connector views ask again. There is no push for connector runs (an unchanged or failed run commits
 * nothing to the dataset), so they poll: fast while a run is going or a schedule is about to fire, slowly otherwise.
 */
export function refreshIntervalMs(state: { readonly running: boolean; readonly nextRuns: readonly (string | null)[] }, now: Date): number {
  if (state.running) return RUNNING_REFRESH_MS;
  const dueSoon = state.nextRuns.some((at) => at !== null && new Date(at).getTime() - now.getTime() < DUE_SOON_MS);
  return dueSoon ? DUE_REFRESH_MS : IDLE_REFRESH_MS;
}
