import { parseEnv, subgraphEnvSchema } from '@aurora/subgraph-kit';

/** The Mikkeli subgraph's settings; the only place its environment is read. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  return parseEnv('mikkeli', subgraphEnvSchema('mikkeli'), env);
}
