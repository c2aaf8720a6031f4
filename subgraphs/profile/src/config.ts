import { parseEnv, subgraphEnvSchema } from '@aurora/subgraph-kit';

export const DEFAULT_PORT = 4004;

/** The profile subgraph's settings; the only place its environment is read. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  return parseEnv('profile', subgraphEnvSchema(DEFAULT_PORT), env);
}
