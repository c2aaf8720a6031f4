import * as path from 'node:path';
import { manifestEntry } from '@aurora/manifest';
import { z } from 'zod';

/** A configuration that cannot be used, with every problem named by its variable. */
export class ConfigError extends Error {
  constructor(service: string, problems: string[]) {
    super(`Invalid configuration for ${service}:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * The settings every subgraph reads, with defaults that make `npm start` work on a fresh clone.
 * Given a subgraph's name, PORT defaults to its port in the network's manifest (read only when
 * PORT is not set); a service that is not a subgraph of the manifest gives its port.
 */
export function subgraphEnvSchema(nameOrPort: string | number) {
  const defaultPort = typeof nameOrPort === 'number' ? () => nameOrPort : () => manifestEntry(nameOrPort).port;
  return z.object({
    PORT: z.coerce.number().int().min(0).max(65535).default(defaultPort),
    HOST: z.string().min(1).default('127.0.0.1'),
    AURORA_DATA_DIR: z
      .string()
      .min(1)
      .default('.data')
      .transform((dir) => path.resolve(dir)),
    MONGODB_URI: z
      .string()
      .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
      .optional()
      .or(z.literal('').transform(() => undefined)),
    LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
    /** Provider tokens: who issues them, for whom, and where their public keys are. */
    AURORA_JWT_ISSUER: z.string().min(1).default('aurora-dev'),
    AURORA_JWT_AUDIENCE: z.string().min(1).default('aurora-network'),
    AURORA_JWT_PUBLIC_KEY_FILE: z.string().min(1).optional(),
    AURORA_JWKS_URL: z.string().url().optional(),
    /** The router-only secret of the personal-data interface (a development one is made when unset). */
    AURORA_PERSONAL_DATA_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  });
}

/** Provider-token settings from a subgraph's config; the development key under the data folder by default. */
export function providerAuthSettings(config: {
  AURORA_DATA_DIR: string;
  AURORA_JWT_ISSUER: string;
  AURORA_JWT_AUDIENCE: string;
  AURORA_JWT_PUBLIC_KEY_FILE?: string;
  AURORA_JWKS_URL?: string;
}) {
  return {
    issuer: config.AURORA_JWT_ISSUER,
    audience: config.AURORA_JWT_AUDIENCE,
    publicKeyFile: config.AURORA_JWT_PUBLIC_KEY_FILE ?? path.join(config.AURORA_DATA_DIR, 'keys', 'provider-signing.jwks.json'),
    jwksUrl: config.AURORA_JWKS_URL,
  };
}

/** Validates environment variables against a schema; throws ConfigError naming each problem. */
export function parseEnv<S extends z.ZodType>(service: string, schema: S, env: NodeJS.ProcessEnv): z.infer<S> {
  const result = schema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(
      service,
      result.error.issues.map((issue) => `${issue.path.join('.') || '(environment)'}: ${issue.message}`),
    );
  }
  return result.data;
}
