import { parseEnv, subgraphEnvSchema } from '@aurora/subgraph-kit';
import { z } from 'zod';

const directoryEnv = subgraphEnvSchema('service-directory').extend({
  /** How search reads texts: compounds (default), or stems, the earlier analysis, to measure against. */
  AURORA_SEARCH_ANALYSIS: z.enum(['compounds', 'stems']).default('compounds'),
});

/** The service directory's settings; the only place its environment is read. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  return parseEnv('service-directory', directoryEnv, env);
}
