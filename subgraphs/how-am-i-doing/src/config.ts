import { ROUTER_PORT } from '@aurora/manifest';
import { parseEnv, subgraphEnvSchema } from '@aurora/subgraph-kit';
import { z } from 'zod';

/** How am I doing?'s settings; the only place its environment is read. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  return parseEnv(
    'how-am-i-doing',
    subgraphEnvSchema('how-am-i-doing').extend({
      /** The router as a person's browser reaches it (the page talks only to it). */
      AURORA_PUBLIC_ROUTER_URL: z.string().url().default(`http://localhost:${ROUTER_PORT}/graphql`),
    }),
    env,
  );
}
