/** Values of one JavaScript type that `<` orders: numbers, strings, big integers, booleans, dates. */
export type Ordered = number | string | bigint | boolean | Date;

/** -1, 0 or 1 as `<` and `>` order two values of the same type. */
export function naturalOrder(left: Ordered, right: Ordered): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

type Comparator<T> = (a: T, b: T) => number;

const RANK: Record<string, number> = { undefined: 1, null: 1, number: 2, string: 3, boolean: 8 };

function rank(value: unknown): number | undefined {
  return RANK[value === null ? 'null' : typeof value];
}

function read(document: unknown, path: string[]): unknown {
  let node = document;
  for (const part of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/**
 * A comparator for a MongoDB sort when every sort key of every document is a scalar (missing or
 * null first, then numbers, strings, booleans, as MongoDB orders types); null when some key is
 * an array or object, whose ordering rules are left to mingo.
 */
export function scalarComparator<T>(sort: Record<string, 1 | -1>, documents: T[]): Comparator<T> | null {
  const keys = Object.entries(sort).map(([path, direction]) => ({ path: path.split('.'), direction }));
  for (const document of documents) for (const key of keys) if (rank(read(document, key.path)) === undefined) return null;
  return (a, b) => {
    for (const { path, direction } of keys) {
      const left = read(a, path);
      const right = read(b, path);
      const byType = (rank(left) as number) - (rank(right) as number);
      const order = byType !== 0 ? byType : left === right || (left == null && right == null) ? 0 : naturalOrder(left as Ordered, right as Ordered);
      if (order !== 0) return order * direction;
    }
    return 0;
  };
}

/** The `count` smallest documents in order, without sorting them all (a bounded insertion buffer). */
export function smallest<T>(documents: T[], count: number, comparator: Comparator<T>): T[] {
  const best: T[] = [];
  for (const document of documents) {
    if (best.length === count && comparator(document, best[count - 1] as T) >= 0) continue;
    let low = 0;
    let high = best.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (comparator(best[middle] as T, document) <= 0) low = middle + 1;
      else high = middle;
    }
    best.splice(low, 0, document);
    if (best.length > count) best.pop();
  }
  return best;
}
