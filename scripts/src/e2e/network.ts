import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ApolloServerPlugin } from '@apollo/server';
import { createKelaSubgraph } from '@aurora/kela';
import { createMikkeliSubgraph } from '@aurora/mikkeli';
import { createRouter } from '@aurora/router';
import { SUPERGRAPH_FILE } from '@aurora/schema';
import { createServiceDirectory } from '@aurora/service-directory';
import { countingStore, createEmbeddedStore, type StoreOperation } from '@aurora/store';
import { createLogger, ensureDevelopmentSigningKey, mintProviderToken, type RunningServer } from '@aurora/subgraph-kit';

/** What reached one subgraph: each request's kind, and each store operation. */
export interface SubgraphTraffic {
  requests: ('_entities' | 'query')[];
  /** The Authorization header each request arrived with (undefined: none). */
  authorizations: (string | undefined)[];
  storeOperations: StoreOperation[];
}

function countRequests(traffic: SubgraphTraffic): ApolloServerPlugin {
  return {
    async requestDidStart({ request }) {
      traffic.requests.push(request.query?.includes('_entities') ? '_entities' : 'query');
      traffic.authorizations.push(request.http?.headers.get('authorization') ?? undefined);
    },
  };
}

export interface TestNetwork {
  routerUrl: string;
  traffic: Record<'service-directory' | 'kela' | 'mikkeli', SubgraphTraffic>;
  /** Forgets the traffic seen so far. */
  reset(): void;
  query(text: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<any>;
  /** A provider token for an organisation, signed with this network's test key. */
  providerToken(organisation: string, scopes?: string[]): Promise<string>;
  close(): Promise<void>;
}

/**
 * Starts the real subgraphs, each on its own in-memory store, and the real router over the
 * committed supergraph, all in-process on port 0, and records the traffic each subgraph sees.
 */
export async function startTestNetwork(): Promise<TestNetwork> {
  const logger = createLogger('e2e', 'silent');
  const stores = { 'service-directory': countingStore(createEmbeddedStore()), kela: countingStore(createEmbeddedStore()), mikkeli: countingStore(createEmbeddedStore()) };
  const traffic = {
    'service-directory': { requests: [], authorizations: [], storeOperations: stores['service-directory'].operations },
    kela: { requests: [], authorizations: [], storeOperations: stores.kela.operations },
    mikkeli: { requests: [], authorizations: [], storeOperations: stores.mikkeli.operations },
  } as TestNetwork['traffic'];
  const keys = await ensureDevelopmentSigningKey(fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-e2e-keys-')));
  const auth = { issuer: 'aurora-e2e', audience: 'aurora-network', publicKeyFile: keys.publicKeyFile };
  const servers: RunningServer[] = [
    await (await createServiceDirectory({ store: stores['service-directory'].store, logger, auth, plugins: [countRequests(traffic['service-directory'])] })).listen(0),
    await (await createKelaSubgraph({ store: stores.kela.store, logger, plugins: [countRequests(traffic.kela)] })).listen(0),
    await (await createMikkeliSubgraph({ store: stores.mikkeli.store, logger, plugins: [countRequests(traffic.mikkeli)] })).listen(0),
  ];
  const [directory, kela, mikkeli] = servers as [RunningServer, RunningServer, RunningServer];
  const router = await createRouter({
    supergraphSdl: fs.readFileSync(SUPERGRAPH_FILE, 'utf8'),
    subgraphUrls: { 'service-directory': directory.url, kela: kela.url, mikkeli: mikkeli.url },
    logger,
  }).listen(0);

  const reset = () => {
    for (const name of Object.keys(traffic) as (keyof typeof traffic)[]) {
      traffic[name].requests.length = 0;
      traffic[name].authorizations.length = 0;
      stores[name].reset();
    }
  };
  reset();
  return {
    routerUrl: router.url,
    traffic,
    reset,
    async query(text, variables = {}, headers = {}) {
      const response = await fetch(router.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: text, variables }) });
      return response.json();
    },
    providerToken: (organisation, scopes = ['services:write']) =>
      mintProviderToken({ privateKeyFile: keys.privateKeyFile, ...auth, subject: 'e2e', organisation, scopes, expiresIn: '5m' }),
    async close() {
      await router.close();
      for (const server of servers) await server.close();
    },
  };
}
