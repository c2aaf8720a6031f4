import * as fs from 'node:fs';
import * as path from 'node:path';
import { printSubgraphSchema } from '@apollo/subgraph';
import { buildSubgraphFromSdl, createSubgraphServer, type SubgraphServer, type NetworkSubgraph, type SubgraphOptions } from '@aurora/subgraph-kit';
import { EXAMPLE_VISITING_DETAILS } from './example-data';
import { createLoaders, type MikkeliContext } from './loaders';
import { VisitingDetailsRepository } from './repository';
import { resolvers } from './resolvers';

export const SUBGRAPH_NAME = 'mikkeli';

export const typeDefs = fs.readFileSync(path.join(__dirname, 'schema.graphql'), 'utf8');

export type MikkeliOptions = SubgraphOptions;

/** The City of Mikkeli's subgraph on its own store, seeded with its example visiting details. */
export async function createMikkeliSubgraph(options: MikkeliOptions): Promise<SubgraphServer> {
  const repository = new VisitingDetailsRepository(options.store);
  const seeded = await repository.seed(EXAMPLE_VISITING_DETAILS);
  options.logger.info(seeded, 'example visiting details in place');
  return createSubgraphServer<MikkeliContext>({
    name: SUBGRAPH_NAME,
    // Public catalogue data: answers may be cached for 30 s (the router caches only anonymous requests).
    cacheMaxAge: 30,
    schema: buildSubgraphFromSdl(typeDefs, resolvers),
    logger: options.logger,
    context: () => ({ loaders: createLoaders(repository) }),
    plugins: options.plugins,
  });
}

/** The subgraph's SDL as composition sees it. */
export async function printSchema(): Promise<string> {
  return printSubgraphSchema(buildSubgraphFromSdl(typeDefs, {}));
}

/** This subgraph as the network loads it from the manifest (`npm run schema:compose`, the end-to-end tests). */
export const networkSubgraph: NetworkSubgraph = { name: SUBGRAPH_NAME, printSchema, create: (services) => createMikkeliSubgraph(services) };
