import { ROUTER_PORT } from '@aurora/manifest';
import { parseEnv, subgraphEnvSchema } from '@aurora/subgraph-kit';
import { z } from 'zod';

/** The chatbot's settings; the only place its environment is read. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  return parseEnv(
    'chatbot',
    subgraphEnvSchema('chatbot').extend({
      /** The router the chatbot asks for packages, as this process reaches it. */
      AURORA_ROUTER_URL: z.string().url().default(`http://127.0.0.1:${ROUTER_PORT}/graphql`),
      /** The router as a person's browser reaches it (the page talks only to it). */
      AURORA_PUBLIC_ROUTER_URL: z.string().url().default(`http://localhost:${ROUTER_PORT}/graphql`),
    }),
    env,
  );
}
