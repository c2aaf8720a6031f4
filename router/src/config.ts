import * as path from 'node:path';
import { LOG_LEVELS, parseEnv } from '@aurora/service-kit';
import { ROUTER_PORT } from '@aurora/manifest';
import { z } from 'zod';
import { DEFAULT_LIMITS, type RouterLimits } from './limits';
import { DEFAULT_RATE_LIMITS, type RateLimits } from './rate-limit';

/** The composed supergraph committed in schema/. */
export const DEFAULT_SUPERGRAPH_PATH = path.resolve(__dirname, '..', '..', 'schema', 'supergraph.graphql');

/** `name=url,name=url`: routing URLs that replace the supergraph's own, per subgraph. */
const subgraphUrls = z
  .string()
  .default('')
  .transform((value, context) => {
    const urls: Record<string, string> = {};
    for (const pair of value
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean)) {
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
  PORT: z.coerce.number().int().min(0).max(65535).default(ROUTER_PORT),
  HOST: z.string().min(1).default('127.0.0.1'),
  AURORA_SUPERGRAPH_PATH: z
    .string()
    .min(1)
    .default(DEFAULT_SUPERGRAPH_PATH)
    .transform((file) => path.resolve(file)),
  AURORA_SUBGRAPH_URLS: subgraphUrls,
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  /** The router's own data: its development pseudonym key and unconfirmed deletions. */
  AURORA_DATA_DIR: z
    .string()
    .min(1)
    .default('.data')
    .transform((dir) => path.resolve(dir)),
  /** The pseudonym key (base64url, 32+ bytes); generated into the data folder for development when unset. */
  AURORA_ROUTER_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43,}$/, 'must be base64url of at least 32 bytes')
    .optional(),
  AURORA_PERSONAL_DATA_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  AURORA_DELETION_RETRY_MS: z.coerce.number().int().min(1000).default(30_000),
  /** Follow this schema registry instead of the static supergraph file. */
  AURORA_REGISTRY_URL: z.string().url().optional(),
  AURORA_REGISTRY_POLL_MS: z.coerce.number().int().min(200).default(2000),
  /** development or production: production hides field suggestions and introspection by default. */
  NODE_ENV: z.string().default('development'),
  AURORA_INTROSPECTION: z.enum(['true', 'false']).optional(),
  /** Origins allowed to call the router from browsers, comma-separated. */
  AURORA_CORS_ORIGINS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    ),
  AURORA_BODY_LIMIT_BYTES: z.coerce.number().int().min(1000).default(DEFAULT_LIMITS.bodyBytes),
  AURORA_MAX_DEPTH: z.coerce.number().int().min(1).default(DEFAULT_LIMITS.maxDepth),
  AURORA_MAX_ALIASES: z.coerce.number().int().min(0).default(DEFAULT_LIMITS.maxAliases),
  AURORA_MAX_ROOT_FIELDS: z.coerce.number().int().min(1).default(DEFAULT_LIMITS.maxRootFields),
  AURORA_MAX_TOKENS: z.coerce.number().int().min(10).default(DEFAULT_LIMITS.maxTokens),
  AURORA_MAX_DIRECTIVES: z.coerce.number().int().min(0).default(DEFAULT_LIMITS.maxDirectives),
  AURORA_MAX_COST: z.coerce.number().int().min(1).default(DEFAULT_LIMITS.maxCost),
  AURORA_MAX_VARIABLE_VALUES: z.coerce.number().int().min(10).default(DEFAULT_LIMITS.maxVariableValues),
  AURORA_MAX_ERRORS: z.coerce.number().int().min(2).default(DEFAULT_LIMITS.maxErrors),
  AURORA_MAX_ERROR_LENGTH: z.coerce.number().int().min(80).default(DEFAULT_LIMITS.maxErrorLength),
  /** Requests per window (AURORA_RATE_LIMIT_WINDOW_S) per client address, identity and provider organisation; 0 turns one off. */
  AURORA_RATE_LIMIT_PER_ADDRESS: z.coerce.number().int().min(0).default(DEFAULT_RATE_LIMITS.perAddress),
  AURORA_RATE_LIMIT_PER_IDENTITY: z.coerce.number().int().min(0).default(DEFAULT_RATE_LIMITS.perIdentity),
  AURORA_RATE_LIMIT_PER_PROVIDER: z.coerce.number().int().min(0).default(DEFAULT_RATE_LIMITS.perProvider),
  /** memory: each router counts alone; shared: every router counts in the MongoDB of MONGODB_URI. */
  AURORA_RATE_LIMIT_STORE: z.enum(['memory', 'shared']).default('memory'),
  AURORA_RATE_LIMIT_WINDOW_S: z.coerce.number().int().min(1).max(86_400).default(DEFAULT_RATE_LIMITS.windowSeconds),
  /** Behind a load balancer: Express's `trust proxy` (true, a hop count, or addresses), so the client address comes from X-Forwarded-For. */
  AURORA_TRUST_PROXY: z
    .string()
    .optional()
    .transform((value) =>
      value === undefined || value === '' || value === 'false' ? undefined : value === 'true' ? true : /^\d+$/.test(value) ? Number(value) : value,
    ),
  AURORA_REQUEST_DEADLINE_MS: z.coerce.number().int().min(100).default(DEFAULT_LIMITS.deadlineMs),
  AURORA_MAX_RESPONSE_BYTES: z.coerce.number().int().min(10_000).default(DEFAULT_LIMITS.maxResponseBytes),
  AURORA_ALLOW_BATCHING: z.enum(['true', 'false']).default('false'),
  AURORA_SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  /** Share one subgraph call among identical query requests in flight ('false' turns it off). */
  AURORA_DEDUPLICATE_SUBGRAPH_REQUESTS: z.enum(['true', 'false']).default('true'),
  /** Cache whole answers of anonymous queries as the subgraphs' Cache-Control allows ('true' turns it on). */
  AURORA_RESPONSE_CACHE: z.enum(['true', 'false']).default('false'),
  AURORA_JWT_ISSUER: z.string().min(1).default('aurora-dev'),
  AURORA_JWT_AUDIENCE: z.string().min(1).default('aurora-network'),
  AURORA_JWT_PUBLIC_KEY_FILE: z.string().min(1).optional(),
  AURORA_JWKS_URL: z.string().url().optional(),
  /** Send traces to this OTLP/HTTP collector (the standard OpenTelemetry variable). */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url().optional(),
  /** An Apollo persisted-query manifest: when set, only its operations run (safelist mode). */
  AURORA_PERSISTED_QUERIES_MANIFEST: z.string().min(1).optional(),
});

export type RouterConfig = z.infer<typeof routerEnv>;

/** The limits and conventions the config sets. */
export function routerPolicy(config: RouterConfig): {
  limits: RouterLimits;
  introspection: boolean;
  corsOrigins: string[];
  subgraphTimeoutMs: number;
  deduplicateSubgraphRequests: boolean;
  responseCache: boolean;
  rateLimits: RateLimits;
  trustProxy: boolean | number | string | undefined;
  sharedRateLimits: boolean;
} {
  const production = config.NODE_ENV === 'production';
  return {
    limits: {
      bodyBytes: config.AURORA_BODY_LIMIT_BYTES,
      maxDepth: config.AURORA_MAX_DEPTH,
      maxAliases: config.AURORA_MAX_ALIASES,
      maxRootFields: config.AURORA_MAX_ROOT_FIELDS,
      maxTokens: config.AURORA_MAX_TOKENS,
      maxDirectives: config.AURORA_MAX_DIRECTIVES,
      maxCost: config.AURORA_MAX_COST,
      maxVariableValues: config.AURORA_MAX_VARIABLE_VALUES,
      maxErrors: config.AURORA_MAX_ERRORS,
      maxErrorLength: config.AURORA_MAX_ERROR_LENGTH,
      deadlineMs: config.AURORA_REQUEST_DEADLINE_MS,
      maxResponseBytes: config.AURORA_MAX_RESPONSE_BYTES,
      allowBatching: config.AURORA_ALLOW_BATCHING === 'true',
      hideSuggestions: production,
    },
    introspection: config.AURORA_INTROSPECTION ? config.AURORA_INTROSPECTION === 'true' : !production,
    corsOrigins: config.AURORA_CORS_ORIGINS,
    subgraphTimeoutMs: config.AURORA_SUBGRAPH_TIMEOUT_MS,
    deduplicateSubgraphRequests: config.AURORA_DEDUPLICATE_SUBGRAPH_REQUESTS === 'true',
    responseCache: config.AURORA_RESPONSE_CACHE === 'true',
    rateLimits: {
      perAddress: config.AURORA_RATE_LIMIT_PER_ADDRESS,
      perIdentity: config.AURORA_RATE_LIMIT_PER_IDENTITY,
      perProvider: config.AURORA_RATE_LIMIT_PER_PROVIDER,
      windowSeconds: config.AURORA_RATE_LIMIT_WINDOW_S,
    },
    trustProxy: config.AURORA_TRUST_PROXY,
    sharedRateLimits: config.AURORA_RATE_LIMIT_STORE === 'shared',
  };
}

/** The router's settings; the only place its environment is read. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): RouterConfig {
  return parseEnv(
    'router',
    routerEnv.refine((config) => config.AURORA_RATE_LIMIT_STORE !== 'shared' || config.MONGODB_URI, {
      message: 'AURORA_RATE_LIMIT_STORE=shared counts in MongoDB: set MONGODB_URI too',
      path: ['AURORA_RATE_LIMIT_STORE'],
    }),
    env,
  );
}
