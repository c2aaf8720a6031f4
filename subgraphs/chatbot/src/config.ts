import { parseEnv, subgraphEnvSchema } from '@aurora/subgraph-kit';
import { z } from 'zod';

export const DEFAULT_PORT = 4007;

/** The chatbot's settings; the only place its environment is read. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  return parseEnv(
    'chatbot',
    subgraphEnvSchema(DEFAULT_PORT).extend({
      /** The router the chatbot asks for packages, as this process reaches it. */
      AURORA_ROUTER_URL: z.string().url().default('http://127.0.0.1:4000/graphql'),
      /** The router as a person's browser reaches it (the page talks only to it). */
      AURORA_PUBLIC_ROUTER_URL: z.string().url().default('http://localhost:4000/graphql'),
    }),
    env,
  );
}
