import { parseEnv, subgraphEnvSchema } from '@aurora/subgraph-kit';
import { z } from 'zod';

export const DEFAULT_PORT = 4006;

/** The recommendation subgraph's settings; the only place its environment is read. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  return parseEnv(
    'recommendation',
    subgraphEnvSchema(DEFAULT_PORT).extend({
      /** Where the engine reads the catalogue: the router's public GraphQL endpoint. */
      AURORA_ROUTER_URL: z.string().url().default('http://127.0.0.1:4000/graphql'),
      /** How often it asks for changes, in milliseconds. */
      AURORA_CATALOGUE_SYNC_MS: z.coerce.number().int().min(1000).default(60_000),
    }),
    env,
  );
}
