import type { Collection, DocumentStore, StoredDocument } from './types';

export interface StoreOperation {
  collection: string;
  operation: string;
}

const COUNTED = [
  'find',
  'findOne',
  'countDocuments',
  'insertOne',
  'insertMany',
  'replaceOne',
  'updateOne',
  'updateMany',
  'deleteOne',
  'deleteMany',
  'bulkWrite',
] as const;

/**
 * Wraps a store so that every operation that reaches it is recorded. Tests use it to prove
 * batching: how many store queries one GraphQL request caused.
 */
export function countingStore(inner: DocumentStore): { store: DocumentStore; operations: StoreOperation[]; reset(): void } {
  const operations: StoreOperation[] = [];
  const store: DocumentStore = {
    kind: inner.kind,
    collection<T extends StoredDocument>(name: string): Collection<T> {
      const target = inner.collection<T>(name);
      return new Proxy(target, {
        get(object, property, receiver) {
          const value = Reflect.get(object, property, receiver);
          if (typeof value !== 'function') return value;
          if ((COUNTED as readonly (string | symbol)[]).includes(property)) {
            return (...args: unknown[]) => {
              operations.push({ collection: name, operation: String(property) });
              return (value as (...a: unknown[]) => unknown).apply(object, args);
            };
          }
          return value.bind(object);
        },
      });
    },
    close: () => inner.close(),
  };
  return { store, operations, reset: () => operations.splice(0, operations.length) };
}
