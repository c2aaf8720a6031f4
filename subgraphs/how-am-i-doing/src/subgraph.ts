import * as fs from 'node:fs';
import * as path from 'node:path';
import { printSubgraphSchema } from '@apollo/subgraph';
import {
  buildSubgraphFromSdl,
  createSubgraphServer,
  requirePersonalDataSecret,
  pseudonymOf,
  type SubgraphEnv,
  type SubgraphServer,
  type NetworkSubgraph,
  type SubgraphOptions,
} from '@aurora/subgraph-kit';
import { mountPage } from '@aurora/web-ui';
import { AssessmentRepository } from './repository';
import { createResolvers, type HowAmIDoingContext } from './resolvers';

export const SUBGRAPH_NAME = 'how-am-i-doing';
export const typeDefs = fs.readFileSync(path.join(__dirname, 'schema.graphql'), 'utf8');
export const PUBLIC_DIR = path.resolve(__dirname, '..', 'public');

export interface HowAmIDoingOptions extends SubgraphOptions<SubgraphEnv & { AURORA_PUBLIC_ROUTER_URL?: string }> {
  personalDataSecret?: string;
  /** The router's GraphQL endpoint as the page reaches it; read when the page asks. */
  publicRouterUrl?: () => string;
}

/** How am I doing? as a subgraph with its page at /, on its own store. */
export async function createHowAmIDoingSubgraph(options: HowAmIDoingOptions): Promise<SubgraphServer & { repository: AssessmentRepository }> {
  const repository = new AssessmentRepository(options.store);
  const secret = requirePersonalDataSecret(SUBGRAPH_NAME, options.personalDataSecret, options.config);
  const publicRouterUrl = options.publicRouterUrl ?? (() => options.config?.AURORA_PUBLIC_ROUTER_URL ?? 'http://localhost:4000/graphql');
  const server = createSubgraphServer<HowAmIDoingContext>({
    name: SUBGRAPH_NAME,
    schema: buildSubgraphFromSdl(typeDefs, createResolvers(repository)),
    logger: options.logger,
    context: (request) => ({ pseudonym: pseudonymOf(request) }),
    plugins: options.plugins,
    routes: (app) => mountPage(app, { publicDir: PUBLIC_DIR, graphqlUrl: publicRouterUrl }),
    personalData: {
      secret,
      handler: {
        async export(pseudonym) {
          return (await repository.ofPerson(pseudonym)).map(({ recordedAt, readings }) => ({ assessment: { recordedAt, readings } }));
        },
        async delete(pseudonym) {
          return { deletedRecords: await repository.deletePerson(pseudonym) };
        },
      },
    },
  });
  return { ...server, repository };
}

/** The subgraph's SDL as composition sees it. */
export async function printSchema(): Promise<string> {
  return printSubgraphSchema(buildSubgraphFromSdl(typeDefs, {}));
}

/** This subgraph as the network loads it from the manifest (`npm run schema:compose`, the end-to-end tests). */
export const networkSubgraph: NetworkSubgraph = { name: SUBGRAPH_NAME, printSchema, create: (services) => createHowAmIDoingSubgraph(services) };
