import type { ApolloServerPlugin } from '@apollo/server';
import type { DocumentStore } from '@aurora/store';
import type { Logger } from '@aurora/service-kit';
import type { ProviderAuthSettings } from '@aurora/service-kit';
import type { SubgraphEnv } from './run-subgraph';
import type { SubgraphServer } from './server';

/**
 * What every subgraph's create function takes; each subgraph adds its own options. `Config` is
 * the subgraph's settings type, given when `main()` starts it.
 */
export interface SubgraphOptions<Config extends SubgraphEnv = SubgraphEnv> {
  store: DocumentStore;
  logger: Logger;
  /** The subgraph's settings, when started by main(); tests give the options directly. */
  config?: Config;
  /** Extra Apollo Server plugins (the tests record each request with one). */
  plugins?: ApolloServerPlugin[];
}

/**
 * What a network gives each subgraph it starts in one process (the end-to-end tests, the
 * benchmarks): the same for every subgraph, each taking what it uses.
 */
export interface NetworkServices extends Omit<SubgraphOptions, 'config' | 'plugins'> {
  /** The router-only secret of the personal-data interface. */
  personalDataSecret: string;
  /** How provider tokens are checked. */
  auth: ProviderAuthSettings;
  /** The router as this process reaches it; asked when needed, as the router starts after the subgraphs. */
  routerUrl: () => string;
  /** The router as a person's browser reaches it. */
  publicRouterUrl: () => string;
  plugins: ApolloServerPlugin[];
}

/**
 * A subgraph of the network's manifest, as its package exports it (`networkSubgraph`): the name
 * it has in the manifest, its schema as composition sees it, and how to start it.
 */
export interface NetworkSubgraph<Server extends SubgraphServer = SubgraphServer> {
  name: string;
  printSchema(): Promise<string>;
  create(services: NetworkServices): Promise<Server>;
}
