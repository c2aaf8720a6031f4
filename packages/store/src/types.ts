/**
 * The document-store port. Every subgraph that keeps data talks to its own store through these
 * operations, which mirror the official `mongodb` driver's (filters, projections, sort, limit,
 * upserts and indexes in MongoDB's own query language), so the embedded adapter and the MongoDB
 * adapter are interchangeable.
 */

/** A stored document. Ids are strings everywhere in the network (PTV UUIDs, pseudonyms, codes). */
export interface StoredDocument {
  _id: string;
  [field: string]: unknown;
}

/** A MongoDB query document, for example `{ lifeEvents: { $in: ['KE8'] } }`. */
export type Filter = Record<string, unknown>;

/** A MongoDB update document (`$set`, `$inc`, `$push`, `$setOnInsert`, …). */
export type UpdateFilter = Record<string, unknown>;

export type SortDirection = 1 | -1;

export interface FindOptions {
  projection?: Record<string, 0 | 1>;
  sort?: Record<string, SortDirection>;
  skip?: number;
  limit?: number;
}

export interface UpdateOptions {
  upsert?: boolean;
}

export interface UpdateResult {
  matchedCount: number;
  modifiedCount: number;
  upsertedCount: number;
}

export interface DeleteResult {
  deletedCount: number;
}

export interface BulkWriteResult {
  insertedCount: number;
  matchedCount: number;
  modifiedCount: number;
  upsertedCount: number;
  deletedCount: number;
}

export type BulkOperation<T extends StoredDocument> =
  | { insertOne: { document: T } }
  | { replaceOne: { filter: Filter; replacement: T; upsert?: boolean } }
  | { updateOne: { filter: Filter; update: UpdateFilter; upsert?: boolean } }
  | { deleteOne: { filter: Filter } };

/** An index, declared once in the repository that owns the collection. */
export interface IndexSpec {
  key: Record<string, 1 | -1>;
  name?: string;
  unique?: boolean;
}

export interface Collection<T extends StoredDocument = StoredDocument> {
  readonly name: string;
  find(filter?: Filter, options?: FindOptions): Promise<T[]>;
  findOne(filter?: Filter, options?: Omit<FindOptions, 'limit'>): Promise<T | null>;
  countDocuments(filter?: Filter): Promise<number>;
  insertOne(document: T): Promise<void>;
  insertMany(documents: T[]): Promise<void>;
  replaceOne(filter: Filter, replacement: T, options?: UpdateOptions): Promise<UpdateResult>;
  updateOne(filter: Filter, update: UpdateFilter, options?: UpdateOptions): Promise<UpdateResult>;
  updateMany(filter: Filter, update: UpdateFilter): Promise<UpdateResult>;
  deleteOne(filter: Filter): Promise<DeleteResult>;
  deleteMany(filter: Filter): Promise<DeleteResult>;
  bulkWrite(operations: BulkOperation<T>[]): Promise<BulkWriteResult>;
  createIndexes(indexes: IndexSpec[]): Promise<void>;
}

export interface DocumentStore {
  /** `embedded` or `mongodb`: shown in logs and readiness output. */
  readonly kind: 'embedded' | 'mongodb';
  collection<T extends StoredDocument = StoredDocument>(name: string): Collection<T>;
  close(): Promise<void>;
}
