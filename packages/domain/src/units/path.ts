/**
 * The one parser of materialized unit paths. A unit's path is the chain of ids from the tenant's root
 * unit down to itself, joined by "/" ("root/office/station"): a subtree is a prefix, an ancestor is a
 * leading segment. Nothing else splits or joins paths.
 */
const SEP = "/";

/** The unit ids along a path, root first: the unit itself and every ancestor. */
export const unitIdsOf = (path: string): string[] => path.split(SEP);

/** The id of the unit a path ends in. */
export const unitIdOf = (path: string): string => path.slice(path.lastIndexOf(SEP) + 1);

/** The tenant's root unit (the bureau) of a path. */
export const rootIdOf = (path: string): string => {
  const end = path.indexOf(SEP);
  return end < 0 ? path : path.slice(0, end);
};

/** The ancestors' ids, root first, without the unit itself. */
export const ancestorIdsOf = (path: string): string[] => unitIdsOf(path).slice(0, -1);

/** How deep a unit sits: the root is 1. */
export const depthOf = (path: string): number => unitIdsOf(path).length;

/** The path of a new child `id` under the unit at `parentPath`. */
export const childPath = (parentPath: string, id: string): string => `${parentPath}${SEP}${id}`;

/** The prefix that lists every unit strictly below the unit at `path` (not itself). */
export const belowPrefix = (path: string): string => `${path}${SEP}`;

/** Is `path` the unit at `ancestorPath` or below it? */
export const inSubtree = (path: string, ancestorPath: string): boolean =>
  path === ancestorPath || path.startsWith(belowPrefix(ancestorPath));

/** `path` moved from under `oldPrefix` to under `newPrefix` (a subtree move rewrites its paths so). */
export const rebasePath = (path: string, oldPrefix: string, newPrefix: string): string =>
  newPrefix + path.slice(oldPrefix.length);

/** Adds the chain of `path` to a list of unit ids, keeping the order and never removing one. */
export const withChainOf = (ids: readonly string[], path: string): string[] => [
  ...new Set([...ids, ...unitIdsOf(path)]),
];
