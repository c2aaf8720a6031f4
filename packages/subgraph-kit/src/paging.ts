import { badUserInput } from './errors';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** Checks a Relay `first` argument: 0 to 100, 20 when not given. */
export function pageSize(first: number | null | undefined, max = MAX_PAGE_SIZE, fallback = DEFAULT_PAGE_SIZE): number {
  if (first === null || first === undefined) return fallback;
  if (!Number.isInteger(first) || first < 0 || first > max) {
    throw badUserInput(`"first" must be a whole number from 0 to ${max}; it was ${first}.`, 'first');
  }
  return first;
}

const CURSOR_PREFIX = 'v1:';

/** Makes an opaque cursor from the position it stands for. */
export function encodeCursor(position: unknown): string {
  return Buffer.from(CURSOR_PREFIX + JSON.stringify(position), 'utf8').toString('base64url');
}

/**
 * Reads a cursor this API issued. `isPosition` checks its shape; anything else (a cursor edited
 * by hand, from another list or another version) is BAD_USER_INPUT.
 */
/** The error for a cursor that this API did not issue for this list. */
export function invalidCursor(cursor: string) {
  return badUserInput(`The cursor "${cursor.slice(0, 80)}" is not valid here. Pass the endCursor of a previous page unchanged.`, 'after');
}

export function decodeCursor<P>(cursor: string, isPosition: (value: unknown) => value is P): P {
  const invalid = () => invalidCursor(cursor);
  if (!/^[A-Za-z0-9_-]{1,2048}$/.test(cursor)) throw invalid();
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith(CURSOR_PREFIX)) throw invalid();
  let value: unknown;
  try {
    value = JSON.parse(text.slice(CURSOR_PREFIX.length));
  } catch {
    throw invalid();
  }
  if (!isPosition(value)) throw invalid();
  return value;
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface Connection<N> {
  totalCount: number;
  pageInfo: PageInfo;
  edges: { cursor: string; node: N }[];
}

/**
 * Builds a Relay connection from one page fetched with one extra item (`limit: first + 1`),
 * which tells whether a next page exists without a second query.
 */
export function connectionFromPage<N>(
  fetched: N[],
  first: number,
  totalCount: number,
  cursorOf: (node: N) => string,
): Connection<N> {
  const nodes = fetched.slice(0, first);
  const edges = nodes.map((node) => ({ cursor: cursorOf(node), node }));
  return {
    totalCount,
    pageInfo: { hasNextPage: fetched.length > first, endCursor: edges.length > 0 ? (edges[edges.length - 1]?.cursor ?? null) : null },
    edges,
  };
}
