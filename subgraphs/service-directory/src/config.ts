import { parseEnv, subgraphEnvSchema } from '@aurora/subgraph-kit';

export const DEFAULT_PORT = 4001;

/** The service directory's settings; the only place its environment is read. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  return parseEnv('service-directory', subgraphEnvSchema(DEFAULT_PORT), env);
}
