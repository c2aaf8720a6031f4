import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import type { DocumentStore } from '@aurora/store';
import { ProviderTokenVerifier, type Logger, type ProviderAuthSettings, type RunningServer } from '@aurora/service-kit';
import { NETWORK_OWNER, NETWORK_RULES, secureSupergraph, type AccessRule, type NetworkRules } from '@aurora/supergraph';
import cors from 'cors';
import express from 'express';
import { authorizationPlugin } from './authorization';
import type { RouterContext } from './context';
import { newIdentityToken, PseudonymDeriver } from './identity';
import { PersonalDataCoordinator } from './personal-data';
import { personalDataPlugin } from './personal-data-plugin';
import { boundedErrors, boundedResponse, boundedVariables } from './bounded';
import { DEFAULT_LIMITS, operationLimits, type RouterLimits } from './limits';
import { NO_RATE_LIMITS, rateLimiter, type RateLimits } from './rate-limit';
import { RegistrySupergraph } from './registry-supergraph';
import { RouterMetrics } from './metrics';
import { RouterTracing } from './tracing';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import { safelist } from './safelist';
import { subgraphFetcher } from './subgraph-fetch';
import { statusRoutes } from './status-routes';
import { privateWhenSignedIn, responseCache } from './caching';
import { readCredentials } from './credentials';
import { formatError, httpErrors } from './errors';
import { SubgraphDataSource, subgraphTrust } from './subgraph-data-source';

export interface RouterOptions {
  /** A static supergraph (schema/supergraph.graphql), or the schema registry to follow. */
  supergraph: { sdl: string } | { registryUrl: string; pollMs?: number };
  /** Routing URLs that replace the supergraph's own, by subgraph name (tests, deployments). */
  subgraphUrls?: Record<string, string>;
  logger: Logger;
  plugins?: ApolloServerPlugin<RouterContext>[];
  /** How long /ready waits for each subgraph's /health, in milliseconds. */
  readinessTimeoutMs?: number;
  /** The key of the pairwise pseudonyms (at least 32 bytes), known to the router alone. */
  routerKey: Buffer;
  /** The secret of the subgraphs' personal-data interface. */
  personalDataSecret: string;
  /** The router's own store: deletions still to be confirmed. */
  store: DocumentStore;
  /** How often unconfirmed deletions are retried, in milliseconds. */
  deletionRetryMs?: number;
  /** Limits against costly operations; DEFAULT_LIMITS when not given. */
  limits?: Partial<RouterLimits>;
  /**
   * Cache whole answers of anonymous queries for as long as every subgraph involved allows
   * (their Cache-Control headers); requests with a token are never cached. Default off.
   */
  responseCache?: boolean;
  /** Share one subgraph call among identical query requests in flight (default true). */
  deduplicateSubgraphRequests?: boolean;
  /** Origins allowed to call the router from browsers (CORS); none when empty. */
  corsOrigins?: string[];
  /** Whether introspection is allowed (on in development). */
  introspection?: boolean;
  /** How long the router waits for a subgraph's answer, in milliseconds. */
  subgraphTimeoutMs?: number;
  /** Safelist mode: only these persisted operations (id → body) run. Automatic persisted queries work either way. */
  safelist?: Map<string, string>;
  /** How provider tokens are verified for `@requiresScopes`; without it, provider tokens carry no scopes here. */
  providerAuth?: ProviderAuthSettings;
  /** Where trace spans go: an exporter (tests), 'otlp' (OTEL_EXPORTER_OTLP_ENDPOINT), or nowhere. */
  traceExporter?: SpanExporter | 'otlp' | null;
  /** Who may receive pseudonyms, provider tokens and the personal-data secret; NETWORK_RULES when not given. */
  networkRules?: NetworkRules;
  /** Requests per window per address, identity and provider (rate-limit.ts); off when not given. The router's config turns them on. */
  rateLimits?: RateLimits;
  /** Count the rate limits in `store` (MongoDB when several routers run) instead of this router's memory. */
  sharedRateLimits?: boolean;
  /** Express's `trust proxy`: which proxies' X-Forwarded-For gives the client address (none when not given). */
  trustProxy?: boolean | number | string;
}

export interface Router {
  listen(port: number, host?: string): Promise<RunningServer>;
}

/**
 * The network's front door: @apollo/gateway inside @apollo/server 5, serving the supergraph at
 * `/graphql` and anonymous identities at `/identity`; its status routes (`/health`, `/ready`,
 * `/metrics`) are in status-routes.ts.
 */
export function createRouter(options: RouterOptions): Router {
  const { logger } = options;
  return {
    async listen(port: number, host = '127.0.0.1'): Promise<RunningServer> {
      const subgraphs = new Map<string, string>();
      const metrics = new RouterMetrics();
      const tracing = new RouterTracing(options.traceExporter ?? null);
      const deriver = new PseudonymDeriver(options.routerKey);
      const networkRules = options.networkRules ?? NETWORK_RULES;
      // With a static supergraph every subgraph is the network's own; the registry says who publishes each.
      const ownerOf = (subgraph: string): string | undefined => (registry ? registry.owners.get(subgraph) : NETWORK_OWNER);
      const personalDataSubgraphs = () => new Map([...subgraphs].filter(([name]) => subgraphTrust(networkRules, name, ownerOf).personalData));
      const personalData = new PersonalDataCoordinator(personalDataSubgraphs, deriver, options.personalDataSecret, options.store, logger);
      personalData.start(options.deletionRetryMs ?? 30_000);
      // @apollo/gateway cannot load the authorization features; the router keeps their rules and enforces them.
      let rules = new Map<string, AccessRule>();
      const prepare = (supergraphSdl: string) => {
        const secured = secureSupergraph(supergraphSdl);
        return { sdl: secured.gatewaySdl, commit: () => (rules = secured.rules) };
      };
      const registry =
        'registryUrl' in options.supergraph ? new RegistrySupergraph(options.supergraph.registryUrl, options.supergraph.pollMs ?? 2000, logger, prepare) : null;
      let staticSdl = '';
      if (!registry && 'sdl' in options.supergraph) {
        const prepared = prepare(options.supergraph.sdl);
        prepared.commit();
        staticSdl = prepared.sdl;
      }
      const verifier = new ProviderTokenVerifier(options.providerAuth ?? { issuer: 'aurora-dev', audience: 'aurora-network' });
      const gateway = new ApolloGateway({
        supergraphSdl: registry ?? staticSdl,
        logger,
        buildService: ({ name, url }) => {
          const target = options.subgraphUrls?.[name] ?? url;
          if (!target) throw new Error(`Subgraph ${name} has no routing URL.`);
          subgraphs.set(name, target);
          return new SubgraphDataSource(
            {
              url: target,
              fetcher: subgraphFetcher(name, options.subgraphTimeoutMs ?? 10_000, 100, (outcome, seconds) => metrics.fetched(name, outcome, seconds), {
                deduplicate: options.deduplicateSubgraphRequests ?? true,
                onShared: () => metrics.shared(name),
              }),
            },
            name,
            deriver,
            tracing,
            // Looked up on each request: the registry may change who publishes a subgraph.
            () => subgraphTrust(networkRules, name, ownerOf),
          );
        },
      });
      const limits: RouterLimits = { ...DEFAULT_LIMITS, ...options.limits };
      const protection = operationLimits(limits);
      const app = express();
      app.disable('x-powered-by');
      const httpServer = http.createServer(app);
      const apollo = new ApolloServer<RouterContext>({
        allowBatchedHttpRequests: limits.allowBatching,
        introspection: options.introspection ?? true,
        validationRules: protection.validationRules,
        gateway,
        logger,
        includeStacktraceInErrorResponses: false,
        formatError: formatError(logger),
        // Shutdown is ours (closeOnSignal): stores must close after the server drains.
        stopOnTerminationSignals: false,
        plugins: [
          ApolloServerPluginDrainHttpServer({ httpServer }),
          tracing.plugin(),
          personalDataPlugin(personalData),
          authorizationPlugin(() => rules, verifier),
          metrics.plugin(),
          boundedVariables(limits),
          boundedErrors(limits),
          ...protection.plugins,
          privateWhenSignedIn,
          ...(options.responseCache ? [responseCache()] : []),
          ...(options.plugins ?? []),
        ],
      });
      await apollo.start();

      // Browsers of the allowed origins (the reference services' pages) may ask for an identity too.
      const identityCors = cors({ origin: options.corsOrigins ?? [], methods: ['POST'] });
      const limitRate = rateLimiter(
        options.rateLimits ?? NO_RATE_LIMITS,
        (authorization) =>
          verifier.verify(authorization).then(
            (claims) => claims.organisation ?? null,
            () => null,
          ),
        logger,
        (kind) => metrics.limited(kind),
        options.sharedRateLimits ? options.store : undefined,
      );
      const rateLimited = limitRate ? [limitRate] : [];
      if (options.trustProxy !== undefined) app.set('trust proxy', options.trustProxy);
      app.options('/identity', identityCors);
      app.post('/identity', identityCors, ...rateLimited, (_request, response) => {
        response.status(201).json({ token: newIdentityToken() });
      });
      statusRoutes(app, { subgraphs, registry, metrics, coreSubgraphs: networkRules.coreSubgraphs, readinessTimeoutMs: options.readinessTimeoutMs ?? 2000 });
      app.use(
        '/graphql',
        cors({
          origin: options.corsOrigins ?? [],
          methods: ['GET', 'POST'],
          allowedHeaders: ['content-type', 'authorization', 'apollo-require-preflight'],
          exposedHeaders: ['retry-after'],
        }),
        ...rateLimited,
        boundedResponse(limits.maxResponseBytes),
        express.json({ limit: limits.bodyBytes }),
        ...(options.safelist ? [safelist(options.safelist)] : []),
        protection.tokenLimit,
        expressMiddleware(apollo, {
          context: async ({ req }) => {
            const credentials = { ...readCredentials(req.headers.authorization), deadline: Date.now() + limits.deadlineMs };
            if (!credentials.providerAuthorization) return credentials;
            const claims = await verifier.verify(credentials.providerAuthorization).catch(() => null);
            return { ...credentials, providerOrganisation: claims?.organisation ?? null };
          },
        }),
      );
      app.use(httpErrors(logger));

      await new Promise<void>((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => resolve());
      });
      const actualPort = (httpServer.address() as AddressInfo).port;
      return {
        url: `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}/graphql`,
        port: actualPort,
        close: async () => {
          personalData.stop();
          await apollo.stop();
          await tracing.shutdown();
        },
      };
    },
  };
}
