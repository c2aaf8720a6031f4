import * as fs from 'node:fs';
import * as path from 'node:path';
import { printSubgraphSchema } from '@apollo/subgraph';
import {
  buildSubgraphFromSdl,
  createSubgraphServer,
  requirePersonalDataSecret,
  pseudonymOf,
  type SubgraphServer,
  type NetworkSubgraph,
  type SubgraphOptions,
} from '@aurora/subgraph-kit';
import { createLoaders, type ProfileContext } from './loaders';
import { ProfileRepository } from './repository';
import { createResolvers } from './resolvers';

export const SUBGRAPH_NAME = 'profile';

export const typeDefs = fs.readFileSync(path.join(__dirname, 'schema.graphql'), 'utf8');

export interface ProfileOptions extends SubgraphOptions {
  /** The router-only secret of the personal-data interface; from the config when started by main(). */
  personalDataSecret?: string;
}

/** Profile management on its own store, offering the router export and deletion by pseudonym. */
export async function createProfileSubgraph(options: ProfileOptions): Promise<SubgraphServer> {
  const repository = new ProfileRepository(options.store);
  const secret = requirePersonalDataSecret(SUBGRAPH_NAME, options.personalDataSecret, options.config);
  return createSubgraphServer<ProfileContext>({
    name: SUBGRAPH_NAME,
    schema: buildSubgraphFromSdl(typeDefs, createResolvers(repository)),
    logger: options.logger,
    context: (request) => ({ loaders: createLoaders(repository), pseudonym: pseudonymOf(request) }),
    plugins: options.plugins,
    personalData: {
      secret,
      handler: {
        async export(pseudonym) {
          const profile = await repository.byPseudonyms([pseudonym]);
          return profile.map(({ _id: _pseudonym, ...rest }) => rest);
        },
        async delete(pseudonym) {
          return { deletedRecords: await repository.delete(pseudonym) };
        },
      },
    },
  });
}

/** The subgraph's SDL as composition sees it. */
export async function printSchema(): Promise<string> {
  return printSubgraphSchema(buildSubgraphFromSdl(typeDefs, {}));
}

/** This subgraph as the network loads it from the manifest (`npm run schema:compose`, the end-to-end tests). */
export const networkSubgraph: NetworkSubgraph = { name: SUBGRAPH_NAME, printSchema, create: (services) => createProfileSubgraph(services) };
