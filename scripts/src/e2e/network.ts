import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import type { ApolloServerPlugin } from '@apollo/server';
import type { RecommendationSubgraph } from '@aurora/recommendation';
import { createRouter } from '@aurora/router';
import { NETWORK_RULES } from '@aurora/supergraph';
import { createRegistryServer, SchemaRegistry } from '@aurora/registry';
import { composeSupergraph, loadSubgraph, readManifest, SUPERGRAPH_FILE } from '@aurora/schema';
import { createEmbeddedStore, type DocumentStore } from '@aurora/store';
import { countingStore, type StoreOperation } from '@aurora/store/testing';
import {
  createLogger,
  ensureDevelopmentSigningKey,
  mintProviderToken,
  ProviderTokenVerifier,
  type RunningServer,
  type SubgraphServer,
} from '@aurora/subgraph-kit';
import { createProbeSubgraph, PROBE_SDL } from './probe-subgraph';

/**
 * The subgraphs tests refer to by name. The network starts every subgraph of the manifest
 * (schema/supergraph.yaml), whether named here or not; `probe` is the tests' own.
 */
export type SubgraphName = 'service-directory' | 'kela' | 'mikkeli' | 'profile' | 'recommendation' | 'chatbot' | 'how-am-i-doing' | 'probe';

/** What reached one subgraph: each request's kind and headers, and each store operation. */
export interface SubgraphTraffic {
  requests: ('_entities' | 'query')[];
  /** The Authorization header each request arrived with (undefined: none). */
  authorizations: (string | undefined)[];
  /** Every header of every request, as received. */
  headers: Record<string, string>[];
  /** The text of every operation received. */
  queries: string[];
  storeOperations: StoreOperation[];
}

function recordTraffic(traffic: SubgraphTraffic): ApolloServerPlugin {
  return {
    async requestDidStart({ request }) {
      traffic.requests.push(request.query?.includes('_entities') ? '_entities' : 'query');
      traffic.authorizations.push(request.http?.headers.get('authorization') ?? undefined);
      traffic.headers.push(Object.fromEntries(request.http?.headers ?? []));
      traffic.queries.push(request.query ?? '');
    },
  };
}

export interface TestNetwork {
  routerUrl: string;
  /** The reference services' pages. */
  pages: { chatbot: string; howAmIDoing: string };
  traffic: Record<SubgraphName, SubgraphTraffic>;
  stores: Record<SubgraphName | 'router', DocumentStore>;
  /** Representations of `Me` the probe subgraph received (with `withProbe`). */
  probeReceived: unknown[];
  /** Every log line every service wrote. */
  logs: string[];
  /** The registry's base URL (with `withRegistry`). */
  registryUrl: string | null;
  reset(): void;
  query(text: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<any>;
  /** A provider token for an organisation, signed with this network's test key. */
  providerToken(organisation: string, scopes?: string[]): Promise<string>;
  /** The recommendation subgraph: its engine catches up with the catalogue through the router on `syncCatalogue()`. */
  recommendation: RecommendationSubgraph;
  /** Brings the recommendation engine's own index up to date through the router, as it does on its own every minute. */
  syncCatalogue(): Promise<{ changed: number; pages: number }>;
  stopSubgraph(name: SubgraphName): Promise<void>;
  restartSubgraph(name: SubgraphName): Promise<void>;
  close(): Promise<void>;
}

export interface TestNetworkOptions {
  /** Adds the probe subgraph (personal data + @requires) and composes the supergraph live. */
  withProbe?: boolean;
  deletionRetryMs?: number;
  /** Turns on the router's response cache for anonymous queries. */
  responseCache?: boolean;
  /** Runs a schema registry (in memory, seeded from schema/) that the router follows. */
  withRegistry?: { pollMs: number };
  /** Keeps every store in files under this folder (one folder per subgraph and the router), as `npm start` does. */
  dataDir?: string;
}

/**
 * Starts the real subgraphs, each on its own in-memory store, and the real router, all
 * in-process on port 0, and records what each subgraph receives and every log line.
 */
export async function startTestNetwork(options: TestNetworkOptions = {}): Promise<TestNetwork> {
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logs.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  const logger = createLogger('e2e', 'debug', sink);
  const manifest = readManifest();
  const names = [...manifest.map((entry) => entry.name), ...(options.withProbe ? ['probe'] : [])] as SubgraphName[];
  const storeFor = (name: string) => createEmbeddedStore(options.dataDir ? { directory: path.join(options.dataDir, name) } : {});
  const counted = Object.fromEntries(names.map((name) => [name, countingStore(storeFor(name))])) as Record<SubgraphName, ReturnType<typeof countingStore>>;
  const traffic = Object.fromEntries(
    names.map((name) => [name, { requests: [], authorizations: [], headers: [], queries: [], storeOperations: counted[name].operations }]),
  ) as unknown as Record<SubgraphName, SubgraphTraffic>;
  const keys = await ensureDevelopmentSigningKey(fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-e2e-keys-')));
  const auth = { issuer: 'aurora-e2e', audience: 'aurora-network', publicKeyFile: keys.publicKeyFile };
  const secret = randomBytes(32).toString('base64url');
  const probeReceived: unknown[] = [];
  // The reference services read the router; it starts after them, so they ask for its address when they need it.
  let routerUrl = '';

  // Every subgraph of the manifest starts the same way, from what its package exports; the probe is the tests' own.
  const factories = Object.fromEntries(
    manifest.map((entry) => [
      entry.name,
      () =>
        loadSubgraph(entry).create({
          store: counted[entry.name as SubgraphName].store,
          logger,
          personalDataSecret: secret,
          auth,
          routerUrl: () => routerUrl,
          publicRouterUrl: () => routerUrl,
          plugins: [recordTraffic(traffic[entry.name as SubgraphName])],
        }),
    ]),
  ) as Record<SubgraphName, () => Promise<SubgraphServer>>;
  factories.probe = async () => {
    const server = createProbeSubgraph(counted.probe.store, logger, secret, probeReceived, [recordTraffic(traffic.probe)]);
    return { listen: (port, host) => server.listen(port, host) };
  };
  const created = {} as Record<SubgraphName, SubgraphServer>;
  const running = {} as Record<SubgraphName, RunningServer>;
  const start = async (name: SubgraphName, port: number) => {
    created[name] = await factories[name]();
    running[name] = await created[name].listen(port);
  };
  for (const name of names) await start(name, 0);
  // The recommendation subgraph's engine is driven by the tests (syncCatalogue).
  const recommendation = () => created.recommendation as RecommendationSubgraph;

  let supergraphSdl = fs.readFileSync(SUPERGRAPH_FILE, 'utf8');
  if (options.withProbe) {
    const printed: Record<string, string> = {
      probe: `extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@external", "@requires"])\n${PROBE_SDL}`,
    };
    for (const entry of manifest) printed[entry.name] = await loadSubgraph(entry).printSchema();
    const composed = composeSupergraph(names.map((name) => ({ name, url: running[name].url, sdl: printed[name] as string })));
    if (!composed.ok) throw new Error(`the test supergraph does not compose: ${JSON.stringify(composed.errors)}`);
    supergraphSdl = composed.supergraphSdl;
  }
  let registry: { url: string; close: () => Promise<void> } | null = null;
  if (options.withRegistry) {
    const schemaRegistry = new SchemaRegistry(createEmbeddedStore(), () => []);
    await schemaRegistry.seed(
      readManifest().map((entry) => ({ name: entry.name, url: entry.routingUrl, sdl: fs.readFileSync(entry.schemaFile, 'utf8'), owner: 'aurora-network' })),
    );
    registry = await createRegistryServer(schemaRegistry, new ProviderTokenVerifier(auth), logger).listen(0);
  }
  const routerStore = storeFor('router');
  const router = await createRouter({
    supergraph: registry && options.withRegistry ? { registryUrl: registry.url, pollMs: options.withRegistry.pollMs } : { sdl: supergraphSdl },
    subgraphUrls: Object.fromEntries(names.map((name) => [name, running[name].url])),
    logger,
    routerKey: randomBytes(32),
    personalDataSecret: secret,
    store: routerStore,
    deletionRetryMs: options.deletionRetryMs ?? 60_000,
    providerAuth: auth,
    corsOrigins: manifest.filter((entry) => entry.page).map((entry) => new URL(running[entry.name as SubgraphName].url).origin),
    responseCache: options.responseCache ?? false,
    // The probe stands for a service the network registers as keeping personal data.
    networkRules: options.withProbe ? { ...NETWORK_RULES, personalDataSubgraphs: [...NETWORK_RULES.personalDataSubgraphs, 'probe'] } : NETWORK_RULES,
  }).listen(0);
  routerUrl = router.url;

  const reset = () => {
    for (const name of names) {
      traffic[name].requests.length = 0;
      traffic[name].authorizations.length = 0;
      traffic[name].headers.length = 0;
      traffic[name].queries.length = 0;
      counted[name].reset();
    }
  };
  reset();
  return {
    routerUrl: router.url,
    pages: { chatbot: running.chatbot.url.replace(/graphql$/, ''), howAmIDoing: running['how-am-i-doing'].url.replace(/graphql$/, '') },
    traffic,
    stores: { ...(Object.fromEntries(names.map((name) => [name, counted[name].store])) as Record<SubgraphName, DocumentStore>), router: routerStore },
    probeReceived,
    logs,
    registryUrl: registry?.url ?? null,
    reset,
    get recommendation() {
      return recommendation();
    },
    async syncCatalogue() {
      const report = await recommendation().service.syncNow(async (query, variables) => {
        const response = await fetch(router.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query, variables }),
        });
        return (await response.json()) as never;
      });
      return { changed: report.changed, pages: report.pages };
    },
    async query(text, variables = {}, headers = {}) {
      const response = await fetch(router.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: text, variables }),
      });
      return response.json();
    },
    providerToken: (organisation, scopes = ['services:write']) =>
      mintProviderToken({ privateKeyFile: keys.privateKeyFile, ...auth, subject: 'e2e', organisation, scopes, expiresIn: '5m' }),
    async stopSubgraph(name) {
      await running[name].close();
    },
    async restartSubgraph(name) {
      await start(name, running[name].port);
    },
    async close() {
      await router.close();
      await registry?.close();
      for (const server of Object.values(running)) await server.close().catch(() => undefined);
      if (options.dataDir) for (const store of [...names.map((name) => counted[name].store), routerStore]) await store.close();
    },
  };
}
