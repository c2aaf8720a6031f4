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
export { createSubgraphServer, type BaseContext, type SubgraphServer, type SubgraphServerOptions } from './server';
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
export { runSubgraph, type SubgraphEnv } from './run-subgraph';
export type { NetworkServices, NetworkSubgraph, SubgraphOptions } from './network-subgraph';
// The parts every service of the network shares, subgraph or not, for a subgraph's convenience.
export * from '@aurora/service-kit';
