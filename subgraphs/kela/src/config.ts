import { parseEnv, subgraphEnvSchema } from '@aurora/subgraph-kit';

/** The benefits agency subgraph's settings; the only place its environment is read. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  return parseEnv('kela', subgraphEnvSchema('kela'), env);
}
