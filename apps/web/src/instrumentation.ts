/** Boots the system when the server starts, so the first request doesn't pay for migrations and the seed. */
export async function register(): Promise<void> {
  // NEXT_RUNTIME is a Next build-time constant, not configuration: written this way the edge build drops
  // the import entirely (the edge runtime can't open PGlite or DuckDB).
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { getSystem } = await import('./server/system');
    await getSystem();
  }
}
