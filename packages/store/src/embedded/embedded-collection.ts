import { find as mingoFind } from 'mingo';
import { compileFilter } from './compile-filter';
import { scalarComparator, smallest } from './sort';
import { StoreError } from '../errors';
import type {
  BulkOperation,
  BulkWriteResult,
  Collection,
  DeleteResult,
  Filter,
  FindOptions,
  IndexSpec,
  StoredDocument,
  UpdateFilter,
  UpdateOptions,
  UpdateResult,
} from '../types';
import { applyUpdate, cloneDocument, indexName, uniqueKey, upsertDocument, withId } from './documents';
import type { Change } from './journal';

/** Where acknowledged changes go before they are applied (a file journal, or nowhere in memory). */
export interface ChangeSink {
  append(changes: Change[]): void;
  /** Called once a commit is applied; `deleted` says whether it removed any document. */
  afterCommit(documents: Iterable<StoredDocument>, liveCount: number, deleted: boolean): void;
}

interface UniqueIndex {
  spec: IndexSpec;
  owners: Map<string, string>;
}

/** Pending writes of one operation, checked as a whole before anything is acknowledged. */
class Staging<T extends StoredDocument> {
  readonly changed = new Map<string, T | null>();
  constructor(private readonly base: Map<string, T>) {}

  get(id: string): T | undefined {
    if (this.changed.has(id)) return this.changed.get(id) ?? undefined;
    return this.base.get(id);
  }

  values(): T[] {
    const result: T[] = [];
    for (const [id, document] of this.base) if (!this.changed.has(id)) result.push(document);
    for (const document of this.changed.values()) if (document) result.push(document);
    return result;
  }
}

function idLookup(filter: Filter): string[] | undefined {
  const keys = Object.keys(filter);
  if (keys.length !== 1 || keys[0] !== '_id') return undefined;
  const value = filter._id;
  if (typeof value === 'string') return [value];
  if (typeof value === 'object' && value !== null && Object.keys(value).length === 1 && '$in' in value) {
    const ids = (value as { $in: unknown }).$in;
    if (Array.isArray(ids) && ids.every((id) => typeof id === 'string')) return ids as string[];
  }
  return undefined;
}

const EMPTY_RESULT: BulkWriteResult = { insertedCount: 0, matchedCount: 0, modifiedCount: 0, upsertedCount: 0, deletedCount: 0 };

/**
 * A collection held in memory and queried with MongoDB's semantics through mingo. Each write is
 * staged, checked against the unique indexes, handed to the sink (which makes it durable), and
 * only then applied: a write either happens whole or not at all.
 */
export class EmbeddedCollection<T extends StoredDocument> implements Collection<T> {
  private readonly uniqueIndexes = new Map<string, UniqueIndex>();

  constructor(
    readonly name: string,
    private readonly documents: Map<string, T>,
    private readonly sink: ChangeSink,
  ) {}

  private candidates(filter: Filter, staging?: Staging<T>): T[] {
    const ids = idLookup(filter);
    const source = staging ?? this.documents;
    if (ids) return ids.map((id) => source.get(id)).filter((doc): doc is T => doc !== undefined);
    return staging ? staging.values() : [...this.documents.values()];
  }

  private match(filter: Filter, staging?: Staging<T>, options: FindOptions = {}): T[] {
    const test = compileFilter(filter);
    let matched = this.candidates(filter, staging).filter((document) => test(document));
    const comparator = options.sort ? scalarComparator(options.sort, matched) : null;
    if (options.sort && !comparator) {
      // Sort keys that are arrays or objects follow MongoDB's rules, which mingo implements.
      let cursor = mingoFind(matched, {}).sort(options.sort);
      if (options.skip) cursor = cursor.skip(options.skip);
      if (options.limit) cursor = cursor.limit(options.limit);
      matched = cursor.all() as T[];
    } else {
      const wanted = options.limit ? (options.skip ?? 0) + options.limit : undefined;
      if (comparator) matched = wanted !== undefined && wanted < matched.length / 8 ? smallest(matched, wanted, comparator) : matched.sort(comparator);
      matched = matched.slice(options.skip ?? 0, wanted);
    }
    if (!options.projection) return matched;
    return mingoFind(matched, {}, options.projection).all() as T[];
  }

  async find(filter: Filter = {}, options: FindOptions = {}): Promise<T[]> {
    return this.match(filter, undefined, options).map(cloneDocument);
  }

  async findOne(filter: Filter = {}, options: Omit<FindOptions, 'limit'> = {}): Promise<T | null> {
    const [first] = this.match(filter, undefined, { ...options, limit: 1 });
    return first ? cloneDocument(first) : null;
  }

  async countDocuments(filter: Filter = {}): Promise<number> {
    if (Object.keys(filter).length === 0) return this.documents.size;
    const test = compileFilter(filter);
    let count = 0;
    for (const document of this.candidates(filter)) if (test(document)) count += 1;
    return count;
  }

  async insertOne(document: T): Promise<void> {
    await this.bulkWrite([{ insertOne: { document } }]);
  }

  async insertMany(documents: T[]): Promise<void> {
    await this.bulkWrite(documents.map((document) => ({ insertOne: { document } })));
  }

  async replaceOne(filter: Filter, replacement: T, options: UpdateOptions = {}): Promise<UpdateResult> {
    const { matchedCount, modifiedCount, upsertedCount } = await this.bulkWrite([{ replaceOne: { filter, replacement, upsert: options.upsert } }]);
    return { matchedCount, modifiedCount, upsertedCount };
  }

  async updateOne(filter: Filter, update: UpdateFilter, options: UpdateOptions = {}): Promise<UpdateResult> {
    const { matchedCount, modifiedCount, upsertedCount } = await this.bulkWrite([{ updateOne: { filter, update, upsert: options.upsert } }]);
    return { matchedCount, modifiedCount, upsertedCount };
  }

  async updateMany(filter: Filter, update: UpdateFilter): Promise<UpdateResult> {
    const staging = new Staging(this.documents);
    let modifiedCount = 0;
    const matched = this.match(filter, staging);
    for (const document of matched) {
      const next = applyUpdate(document, update, false);
      if (JSON.stringify(next) !== JSON.stringify(document)) {
        staging.changed.set(document._id, next);
        modifiedCount += 1;
      }
    }
    this.commit(staging);
    return { matchedCount: matched.length, modifiedCount, upsertedCount: 0 };
  }

  async deleteOne(filter: Filter): Promise<DeleteResult> {
    const { deletedCount } = await this.bulkWrite([{ deleteOne: { filter } }]);
    return { deletedCount };
  }

  async deleteMany(filter: Filter): Promise<DeleteResult> {
    const staging = new Staging(this.documents);
    const matched = this.match(filter, staging);
    for (const document of matched) staging.changed.set(document._id, null);
    this.commit(staging);
    return { deletedCount: matched.length };
  }

  async bulkWrite(operations: BulkOperation<T>[]): Promise<BulkWriteResult> {
    const staging = new Staging(this.documents);
    const result = { ...EMPTY_RESULT };
    for (const operation of operations) this.stageOperation(operation, staging, result);
    this.commit(staging);
    return result;
  }

  private stageOperation(operation: BulkOperation<T>, staging: Staging<T>, result: BulkWriteResult): void {
    if ('insertOne' in operation) {
      const document = withId(cloneDocument(operation.insertOne.document));
      if (staging.get(document._id)) {
        throw new StoreError('DUPLICATE_KEY', `Collection ${this.name} already has a document with _id ${document._id}.`);
      }
      staging.changed.set(document._id, document);
      result.insertedCount += 1;
    } else if ('deleteOne' in operation) {
      const [target] = this.match(operation.deleteOne.filter, staging, { limit: 1 });
      if (target) {
        staging.changed.set(target._id, null);
        result.deletedCount += 1;
      }
    } else {
      const { filter, upsert } = 'replaceOne' in operation ? operation.replaceOne : operation.updateOne;
      const [target] = this.match(filter, staging, { limit: 1 });
      let next: T | undefined;
      if (target) {
        result.matchedCount += 1;
        next =
          'replaceOne' in operation
            ? { ...cloneDocument(operation.replaceOne.replacement), _id: target._id }
            : applyUpdate(target, operation.updateOne.update, false);
        if (JSON.stringify(next) === JSON.stringify(target)) return;
        result.modifiedCount += 1;
      } else if (upsert) {
        next =
          'replaceOne' in operation
            ? withId({ ...upsertDocument<T>(filter, { $set: {} }), ...cloneDocument(operation.replaceOne.replacement) })
            : upsertDocument<T>(filter, operation.updateOne.update);
        result.upsertedCount += 1;
      }
      if (next) staging.changed.set(next._id, next);
    }
  }

  private checkUnique(staging: Staging<T>): void {
    for (const index of this.uniqueIndexes.values()) {
      const released = new Set<string>();
      for (const id of staging.changed.keys()) {
        const previous = this.documents.get(id);
        const key = previous && uniqueKey(index.spec, previous);
        if (key !== undefined) released.add(key);
      }
      const claimed = new Map<string, string>();
      for (const [id, document] of staging.changed) {
        const key = document ? uniqueKey(index.spec, document) : undefined;
        if (key === undefined) continue;
        const owner = claimed.get(key) ?? (released.has(key) ? undefined : index.owners.get(key));
        if (owner !== undefined && owner !== id) {
          throw new StoreError('DUPLICATE_KEY', `Collection ${this.name}: index ${indexName(index.spec)} already has the value ${key}.`);
        }
        claimed.set(key, id);
      }
    }
  }

  private commit(staging: Staging<T>): void {
    if (staging.changed.size === 0) return;
    this.checkUnique(staging);
    const changes: Change[] = [...staging.changed].map(([id, document]) => (document ? { put: document } : { del: id }));
    this.sink.append(changes);
    for (const [id, document] of staging.changed) {
      const previous = this.documents.get(id);
      for (const index of this.uniqueIndexes.values()) {
        const oldKey = previous && uniqueKey(index.spec, previous);
        if (oldKey !== undefined && index.owners.get(oldKey) === id) index.owners.delete(oldKey);
        const newKey = document ? uniqueKey(index.spec, document) : undefined;
        if (newKey !== undefined) index.owners.set(newKey, id);
      }
      if (document) this.documents.set(id, document);
      else this.documents.delete(id);
    }
    this.sink.afterCommit(
      this.documents.values(),
      this.documents.size,
      changes.some((change) => 'del' in change),
    );
  }

  async createIndexes(indexes: IndexSpec[]): Promise<void> {
    for (const spec of indexes) {
      if (!spec.unique) continue; // mingo scans; only uniqueness changes behaviour here.
      const name = indexName(spec);
      if (this.uniqueIndexes.has(name)) continue;
      const owners = new Map<string, string>();
      for (const document of this.documents.values()) {
        const key = uniqueKey(spec, document);
        if (key === undefined) continue;
        if (owners.has(key)) {
          throw new StoreError('DUPLICATE_KEY', `Collection ${this.name}: cannot create unique index ${name}, the value ${key} repeats.`);
        }
        owners.set(key, document._id);
      }
      this.uniqueIndexes.set(name, { spec, owners });
    }
  }
}
