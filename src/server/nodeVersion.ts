/** Oldest Node.js major version Rehearse supports, as in package.json `engines`. On Node 20 better-sqlite3 13 crashes. */
export const MIN_NODE_MAJOR = 24;

/** Returns why `version` (as in process.versions.node) cannot run Rehearse, or null when it can. */
export function unsupportedNodeMessage(version: string): string | null {
  const major = Number(version.split('.')[0]);
  if (major >= MIN_NODE_MAJOR) return null;
  return `Rehearse needs Node.js ${MIN_NODE_MAJOR} or newer, but this is Node.js ${version}. Install Node.js ${MIN_NODE_MAJOR} and put it first on PATH (node --version shows which one runs).`;
}
