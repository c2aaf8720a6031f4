import { parseEnv, subgraphEnvSchema } from '@aurora/subgraph-kit';

/** The profile subgraph's settings; the only place its environment is read. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  return parseEnv('profile', subgraphEnvSchema('profile'), env);
}
