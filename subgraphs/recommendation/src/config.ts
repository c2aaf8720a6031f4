import { ROUTER_PORT } from '@aurora/manifest';
import { parseEnv, subgraphEnvSchema } from '@aurora/subgraph-kit';
import { z } from 'zod';

/** The recommendation subgraph's settings; the only place its environment is read. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  return parseEnv(
    'recommendation',
    subgraphEnvSchema('recommendation').extend({
      /** Where the engine reads the catalogue: the router's public GraphQL endpoint. */
      AURORA_ROUTER_URL: z.string().url().default(`http://127.0.0.1:${ROUTER_PORT}/graphql`),
      /** How often it asks for changes, in milliseconds. */
      AURORA_CATALOGUE_SYNC_MS: z.coerce.number().int().min(1000).default(60_000),
    }),
    env,
  );
}
