/** The cookie that remembers the ontology last opened, so the top bar and search follow it after a reload. */
export const WORKSPACE_COOKIE = 'spice_workspace';

const ONE_YEAR_S = 365 * 24 * 60 * 60;

/** Remembers `ontologyId` as the workspace (browser only). */
export function rememberWorkspace(ontologyId: string): void {
  document.cookie = `${WORKSPACE_COOKIE}=${encodeURIComponent(ontologyId)}; path=/; max-age=${ONE_YEAR_S}; samesite=lax`;
}
