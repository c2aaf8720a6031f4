export type {
  BulkOperation,
  BulkWriteResult,
  Collection,
  DeleteResult,
  DocumentStore,
  Filter,
  FindOptions,
  IndexSpec,
  SortDirection,
  StoredDocument,
  UpdateFilter,
  UpdateOptions,
  UpdateResult,
} from './types';
export { StoreError, CorruptDataError, type StoreErrorCode } from './errors';
export { createEmbeddedStore, type EmbeddedStoreOptions } from './embedded/embedded-store';
export { createMongoStore, type MongoStoreOptions } from './mongodb/mongo-store';
export { openStore, type OpenStoreOptions } from './open-store';
export { upsertChanged, type UpsertCounts } from './upsert-changed';
export { compileFilter } from './embedded/compile-filter';
