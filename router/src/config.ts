import * as path from 'node:path';
import { LOG_LEVELS, parseEnv } from '@aurora/subgraph-kit';
import { z } from 'zod';

/** The composed supergraph committed in schema/. */
export const DEFAULT_SUPERGRAPH_PATH = path.resolve(__dirname, '..', '..', 'schema', 'supergraph.graphql');

/** `name=url,name=url`: routing URLs that replace the supergraph's own, per subgraph. */
const subgraphUrls = z
  .string()
  .default('')
  .transform((value, context) => {
    const urls: Record<string, string> = {};
    for (const pair of value.split(',').map((part) => part.trim()).filter(Boolean)) {
      const match = /^([A-Za-z0-9_-]+)=(https?:\/\/\S+)$/.exec(pair);
      if (!match) {
        context.addIssue({ code: 'custom', message: `"${pair}" is not name=http(s)://url` });
        continue;
      }
      urls[match[1] as string] = match[2] as string;
    }
    return urls;
  });

const routerEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  AURORA_SUPERGRAPH_PATH: z.string().min(1).default(DEFAULT_SUPERGRAPH_PATH).transform((file) => path.resolve(file)),
  AURORA_SUBGRAPH_URLS: subgraphUrls,
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  /** The router's own data: its development pseudonym key and unconfirmed deletions. */
  AURORA_DATA_DIR: z.string().min(1).default('.data').transform((dir) => path.resolve(dir)),
  /** The pseudonym key (base64url, 32+ bytes); generated into the data folder for development when unset. */
  AURORA_ROUTER_KEY: z.string().regex(/^[A-Za-z0-9_-]{43,}$/, 'must be base64url of at least 32 bytes').optional(),
  AURORA_PERSONAL_DATA_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  MONGODB_URI: z.string().regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://').optional().or(z.literal('').transform(() => undefined)),
  AURORA_DELETION_RETRY_MS: z.coerce.number().int().min(1000).default(30_000),
  /** Follow this schema registry instead of the static supergraph file. */
  AURORA_REGISTRY_URL: z.string().url().optional(),
  AURORA_REGISTRY_POLL_MS: z.coerce.number().int().min(200).default(2000),
});

export type RouterConfig = z.infer<typeof routerEnv>;

/** The router's settings; the only place its environment is read. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): RouterConfig {
  return parseEnv('router', routerEnv, env);
}
