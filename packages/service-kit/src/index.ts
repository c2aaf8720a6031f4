export { ConfigError, parseEnv, subgraphEnvSchema, providerAuthSettings, LOG_LEVELS } from './config';
export { ErrorCode, codedError, badUserInput } from './errors';
export { createLogger, type Logger } from './logger';
export { closeOnSignal, runService } from './shutdown';
export { httpErrors, type RunningServer } from './http';
export {
  ProviderTokenVerifier,
  requireScope,
  ensureDevelopmentSigningKey,
  developmentKeyFiles,
  mintProviderToken,
  PROVIDER_ALGORITHMS,
  type ProviderClaims,
  type ProviderAuthSettings,
  type DevelopmentKeyFiles,
  type MintOptions,
} from './provider-auth';
export {
  PSEUDONYM_HEADER,
  PERSONAL_DATA_PATH,
  pseudonymOf,
  mountPersonalData,
  personalDataSecret,
  requirePersonalDataSecret,
  ensureSecretFile,
  type PersonalDataHandler,
  type PersonalDataOptions,
} from './personal-data';
