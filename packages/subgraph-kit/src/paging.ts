import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { badUserInput } from '@aurora/service-kit';

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

const CURSOR_PREFIX = 'v2:';
const TAG_BYTES = 12;

/**
 * The key cursors are signed with: `AURORA_CURSOR_SECRET` when set (the same on every replica of
 * a subgraph, so that any of them continues a page another one issued), else a random key per
 * process (a cursor then lasts as long as the process that issued it).
 */
const cursorKey = process.env.AURORA_CURSOR_SECRET ? Buffer.from(process.env.AURORA_CURSOR_SECRET, 'utf8') : randomBytes(32);
const tagOf = (body: string) => createHmac('sha256', cursorKey).update(body).digest().subarray(0, TAG_BYTES);

/** Makes an opaque cursor from the position it stands for, signed so that a hand-made one is refused. */
export function encodeCursor(position: unknown): string {
  const body = CURSOR_PREFIX + JSON.stringify(position);
  return Buffer.concat([tagOf(body), Buffer.from(body, 'utf8')]).toString('base64url');
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
  const bytes = Buffer.from(cursor, 'base64url');
  if (bytes.length <= TAG_BYTES) throw invalid();
  const text = bytes.subarray(TAG_BYTES).toString('utf8');
  if (!text.startsWith(CURSOR_PREFIX) || !timingSafeEqual(bytes.subarray(0, TAG_BYTES), tagOf(text))) throw invalid();
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
export function connectionFromPage<N>(fetched: N[], first: number, totalCount: number, cursorOf: (node: N) => string): Connection<N> {
  const nodes = fetched.slice(0, first);
  const edges = nodes.map((node) => ({ cursor: cursorOf(node), node }));
  return {
    totalCount,
    pageInfo: { hasNextPage: fetched.length > first, endCursor: edges.length > 0 ? (edges[edges.length - 1]?.cursor ?? null) : null },
    edges,
  };
}
