/** The workbench's addresses for branches and proposals (agreed routes under /ontology/[ontologyId]). */
export const branchHref = (ontologyId: string, branch: string) =>
  `/ontology/${encodeURIComponent(ontologyId)}/branches/${encodeURIComponent(branch)}`;
export const proposalHref = (ontologyId: string, branch: string) =>
  `/ontology/${encodeURIComponent(ontologyId)}/proposals/${encodeURIComponent(branch)}`;
export const ontologyHref = (ontologyId: string, branch = 'main') =>
  `/ontology/${encodeURIComponent(ontologyId)}${branch === 'main' ? '' : `?branch=${encodeURIComponent(branch)}`}`;
