import { MongoClient, MongoServerError, type Collection as DriverCollection } from 'mongodb';
import { StoreError } from '../errors';
import type {
  BulkOperation,
  BulkWriteResult,
  Collection,
  DocumentStore,
  Filter,
  FindOptions,
  IndexSpec,
  StoredDocument,
  UpdateFilter,
  UpdateOptions,
  UpdateResult,
} from '../types';

export interface MongoStoreOptions {
  uri: string;
  /** One database per subgraph: no two subgraphs share a store. */
  database: string;
}

const DUPLICATE_KEY = 11000;

async function translateErrors<R>(operation: () => Promise<R>): Promise<R> {
  try {
    return await operation();
  } catch (error) {
    if (error instanceof MongoServerError && error.code === DUPLICATE_KEY) {
      throw new StoreError('DUPLICATE_KEY', error.message);
    }
    throw error;
  }
}

function updateResult(result: { matchedCount: number; modifiedCount: number; upsertedCount: number }): UpdateResult {
  return { matchedCount: result.matchedCount, modifiedCount: result.modifiedCount, upsertedCount: result.upsertedCount };
}

/** The port over one collection of the official driver. The driver's own types stop here. */
class MongoCollection<T extends StoredDocument> implements Collection<T> {
  constructor(private readonly driver: DriverCollection<StoredDocument>) {}

  get name(): string {
    return this.driver.collectionName;
  }

  async find(filter: Filter = {}, options: FindOptions = {}): Promise<T[]> {
    return (await this.driver.find(filter, options).toArray()) as unknown as T[];
  }

  async findOne(filter: Filter = {}, options: Omit<FindOptions, 'limit'> = {}): Promise<T | null> {
    return (await this.driver.findOne(filter, options)) as unknown as T | null;
  }

  async countDocuments(filter: Filter = {}): Promise<number> {
    return this.driver.countDocuments(filter);
  }

  async insertOne(document: T): Promise<void> {
    await translateErrors(() => this.driver.insertOne({ ...document }));
  }

  async insertMany(documents: T[]): Promise<void> {
    if (documents.length === 0) return;
    await translateErrors(() => this.driver.insertMany(documents.map((document) => ({ ...document }))));
  }

  async replaceOne(filter: Filter, replacement: T, options: UpdateOptions = {}): Promise<UpdateResult> {
    const { _id: _ignored, ...rest } = replacement;
    return updateResult(await translateErrors(() => this.driver.replaceOne(filter, rest, { upsert: options.upsert })));
  }

  async updateOne(filter: Filter, update: UpdateFilter, options: UpdateOptions = {}): Promise<UpdateResult> {
    return updateResult(await translateErrors(() => this.driver.updateOne(filter, update, { upsert: options.upsert })));
  }

  async updateMany(filter: Filter, update: UpdateFilter): Promise<UpdateResult> {
    return updateResult(await translateErrors(() => this.driver.updateMany(filter, update)));
  }

  async deleteOne(filter: Filter) {
    return { deletedCount: (await this.driver.deleteOne(filter)).deletedCount };
  }

  async deleteMany(filter: Filter) {
    return { deletedCount: (await this.driver.deleteMany(filter)).deletedCount };
  }

  async bulkWrite(operations: BulkOperation<T>[]): Promise<BulkWriteResult> {
    if (operations.length === 0) {
      return { insertedCount: 0, matchedCount: 0, modifiedCount: 0, upsertedCount: 0, deletedCount: 0 };
    }
    // Ordered, like the embedded adapter, so that later operations see earlier ones.
    const result = await translateErrors(() => this.driver.bulkWrite(operations, { ordered: true }));
    return {
      insertedCount: result.insertedCount,
      matchedCount: result.matchedCount,
      modifiedCount: result.modifiedCount,
      upsertedCount: result.upsertedCount,
      deletedCount: result.deletedCount,
    };
  }

  async createIndexes(indexes: IndexSpec[]): Promise<void> {
    if (indexes.length === 0) return;
    await this.driver.createIndexes(indexes.map((index) => ({ key: index.key, name: index.name, unique: index.unique })));
  }
}

/** The production store: one MongoDB database through the official driver. */
export async function createMongoStore(options: MongoStoreOptions): Promise<DocumentStore> {
  const client = new MongoClient(options.uri, { serverSelectionTimeoutMS: 10_000 });
  await client.connect();
  const db = client.db(options.database);
  return {
    kind: 'mongodb',
    collection<T extends StoredDocument>(name: string): Collection<T> {
      return new MongoCollection<T>(db.collection<StoredDocument>(name));
    },
    async close() {
      await client.close();
    },
  };
}
