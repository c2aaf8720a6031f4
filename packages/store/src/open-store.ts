import * as path from 'node:path';
import { createEmbeddedStore } from './embedded/embedded-store';
import { createMongoStore } from './mongodb/mongo-store';
import type { DocumentStore } from './types';

export interface OpenStoreOptions {
  /** The owning subgraph: its folder under `dataDir`, or its database (`aurora_<name>`). */
  subgraph: string;
  /** `$AURORA_DATA_DIR`; the embedded store keeps files in `<dataDir>/<subgraph>/`. */
  dataDir: string;
  /** `MONGODB_URI`; when set, the subgraph's data lives in MongoDB instead. */
  mongodbUri?: string;
  onWarning?: (message: string) => void;
}

/** Opens a subgraph's own store: MongoDB when a URI is configured, the embedded store otherwise. */
export async function openStore(options: OpenStoreOptions): Promise<DocumentStore> {
  if (options.mongodbUri) {
    return createMongoStore({ uri: options.mongodbUri, database: `aurora_${options.subgraph.replace(/[^A-Za-z0-9_]/g, '_')}` });
  }
  return createEmbeddedStore({ directory: path.join(options.dataDir, options.subgraph), onWarning: options.onWarning });
}
