import * as fs from 'node:fs';
import * as path from 'node:path';
import { printSubgraphSchema } from '@apollo/subgraph';
import {
  buildSubgraphFromSdl,
  createSubgraphServer,
  requirePersonalDataSecret,
  pseudonymOf,
  type RunningServer,
  type SubgraphEnv,
  type NetworkSubgraph,
  type SubgraphOptions,
} from '@aurora/subgraph-kit';
import type { EngineOptions } from './engine';
import { createResolvers, type RecommendationContext } from './resolvers';
import { RecommendationService } from './recommendation-service';

export const SUBGRAPH_NAME = 'recommendation';

export const typeDefs = fs.readFileSync(path.join(__dirname, 'schema.graphql'), 'utf8');

export interface RecommendationOptions extends SubgraphOptions<SubgraphEnv & { AURORA_ROUTER_URL?: string; AURORA_CATALOGUE_SYNC_MS?: number }> {
  personalDataSecret?: string;
  /** Follow the catalogue through this router endpoint once listening (main() sets it from the config). */
  follow?: { routerUrl: string; intervalMs: number };
  engine?: EngineOptions;
}

export interface RecommendationSubgraph {
  service: RecommendationService;
  listen(port: number, host?: string): Promise<RunningServer>;
}

/** The recommendation engine as a subgraph on its own store, with export and deletion for the router. */
export async function createRecommendationSubgraph(options: RecommendationOptions): Promise<RecommendationSubgraph> {
  const service = new RecommendationService(options.store, options.logger, options.engine);
  const secret = requirePersonalDataSecret(SUBGRAPH_NAME, options.personalDataSecret, options.config);
  const follow =
    options.follow ??
    (options.config?.AURORA_ROUTER_URL
      ? { routerUrl: options.config.AURORA_ROUTER_URL, intervalMs: options.config.AURORA_CATALOGUE_SYNC_MS ?? 60_000 }
      : undefined);
  const server = createSubgraphServer<RecommendationContext>({
    name: SUBGRAPH_NAME,
    schema: buildSubgraphFromSdl(typeDefs, createResolvers(service)),
    logger: options.logger,
    context: (request) => ({ pseudonym: pseudonymOf(request) }),
    plugins: options.plugins,
    readiness: () => service.readiness(),
    personalData: {
      secret,
      handler: {
        async export(pseudonym) {
          return (await service.feedback.ofPerson(pseudonym)).map(({ _id, pseudonym: _pseudonym, ...record }) => ({ feedback: record }));
        },
        async delete(pseudonym) {
          return { deletedRecords: await service.feedback.deletePerson(pseudonym) };
        },
      },
    },
  });
  return {
    service,
    async listen(port, host) {
      const running = await server.listen(port, host);
      // Serve from the stored index at once; catch up with the catalogue in the background.
      void service.current();
      if (follow) service.follow(follow.routerUrl, follow.intervalMs);
      return {
        ...running,
        async close() {
          service.stop();
          await running.close();
        },
      };
    },
  };
}

/** The subgraph's SDL as composition sees it. */
export async function printSchema(): Promise<string> {
  return printSubgraphSchema(buildSubgraphFromSdl(typeDefs, {}));
}

/** This subgraph as the network loads it from the manifest (`npm run schema:compose`, the end-to-end tests). */
export const networkSubgraph: NetworkSubgraph<RecommendationSubgraph> = {
  name: SUBGRAPH_NAME,
  printSchema,
  create: (services) => createRecommendationSubgraph(services),
};
