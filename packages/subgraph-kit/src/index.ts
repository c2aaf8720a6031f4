export {
  FEDERATION_SPEC_URL,
  FEDERATION_IMPORTS,
  federationLink,
  buildSubgraphFromSdl,
  buildSubgraphFromClasses,
  type ClassSubgraphOptions,
  type SubgraphResolvers,
} from './federation';
export { SHARED_TYPES, withSharedTypes } from './shared-types';
export { createSubgraphServer, httpErrors, type BaseContext, type RunningServer, type SubgraphServer, type SubgraphServerOptions } from './server';
export { ErrorCode, codedError, badUserInput } from './errors';
export { createLogger, type Logger } from './logger';
export { ConfigError, parseEnv, subgraphEnvSchema, providerAuthSettings, LOG_LEVELS } from './config';
export {
  pageSize,
  encodeCursor,
  decodeCursor,
  invalidCursor,
  connectionFromPage,
  MAX_PAGE_SIZE,
  DEFAULT_PAGE_SIZE,
  type Connection,
  type PageInfo,
} from './paging';
export { localise, LANGUAGES, type Language, type LocalisedText } from './language';
export { closeOnSignal, runService } from './shutdown';
export { runSubgraph, type SubgraphEnv } from './run-subgraph';
export type { NetworkServices, NetworkSubgraph } from './network-subgraph';
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
