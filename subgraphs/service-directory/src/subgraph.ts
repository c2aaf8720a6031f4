import * as fs from 'node:fs';
import * as path from 'node:path';
import { printSubgraphSchema } from '@apollo/subgraph';
import {
  buildSubgraphFromSdl,
  createSubgraphServer,
  providerAuthSettings,
  ProviderTokenVerifier,
  type ProviderAuthSettings,
  type SubgraphEnv,
  type SubgraphServer,
  type NetworkSubgraph,
  type SubgraphOptions,
} from '@aurora/subgraph-kit';
import { Directory } from './directory';
import { EXAMPLE_ACTION_OFFERS } from './example-offers';
import { Publishing } from './publishing';
import { DEFAULT_DATA_ROOT } from './import/read-source';
import { importCatalogue } from './import/import-catalogue';
import { createLoaders, type DirectoryContext } from './loaders';
import { DirectoryRepository } from './repository';
import { createResolvers } from './resolvers';
import type { SearchAnalysis } from './search/search-index';

export const SUBGRAPH_NAME = 'service-directory';

export const typeDefs = fs.readFileSync(path.join(__dirname, 'schema.graphql'), 'utf8');

export interface ServiceDirectoryOptions extends SubgraphOptions<SubgraphEnv & { AURORA_SEARCH_ANALYSIS?: SearchAnalysis }> {
  /** Where provider tokens' keys come from; from the config when started by main(). */
  auth?: ProviderAuthSettings;
  /** The catalogue data to import at first start; the bundled data by default. */
  dataRoot?: string;
  /** How search reads texts; compounds by default (`stems` is the earlier analysis, for evaluation). */
  searchAnalysis?: SearchAnalysis;
}

/**
 * Opens the directory on its store (importing the bundled catalogue the first time) and returns
 * the server, ready to listen. Tests start it on port 0 with an in-memory store.
 */
export async function createServiceDirectory(options: ServiceDirectoryOptions): Promise<SubgraphServer & { repository: DirectoryRepository }> {
  const repository = new DirectoryRepository(options.store);
  await repository.ensureIndexes();
  await importCatalogue(repository, options.dataRoot ?? DEFAULT_DATA_ROOT, options.logger);
  options.logger.info(await repository.seedActionOffers(EXAMPLE_ACTION_OFFERS), 'example action offers in place');
  const auth = options.auth ?? (options.config ? providerAuthSettings(options.config) : { issuer: 'aurora-dev', audience: 'aurora-network' });
  const directory = await Directory.open(
    repository,
    options.dataRoot ?? DEFAULT_DATA_ROOT,
    options.logger,
    options.searchAnalysis ?? options.config?.AURORA_SEARCH_ANALYSIS,
  );
  const server = createSubgraphServer<DirectoryContext>({
    name: SUBGRAPH_NAME,
    // Public catalogue data: answers may be cached for 30 s (the router caches only anonymous requests).
    cacheMaxAge: 30,
    schema: buildSubgraphFromSdl(typeDefs, createResolvers(directory, new Publishing(directory, new ProviderTokenVerifier(auth)))),
    logger: options.logger,
    context: (request) => ({ loaders: createLoaders(repository), authorization: request.headers.authorization }),
    plugins: options.plugins,
  });
  return { ...server, repository };
}

/** The subgraph's SDL as composition sees it. */
export async function printSchema(): Promise<string> {
  return printSubgraphSchema(buildSubgraphFromSdl(typeDefs, {}));
}

/** This subgraph as the network loads it from the manifest (`npm run schema:compose`, the end-to-end tests). */
export const networkSubgraph: NetworkSubgraph = { name: SUBGRAPH_NAME, printSchema, create: (services) => createServiceDirectory(services) };
