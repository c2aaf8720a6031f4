import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { ErrorCode, type Logger, type RunningServer } from '@aurora/subgraph-kit';
import express, { type ErrorRequestHandler } from 'express';
import type { GraphQLFormattedError } from 'graphql';

export interface RouterOptions {
  /** The composed supergraph SDL (schema/supergraph.graphql). */
  supergraphSdl: string;
  /** Routing URLs that replace the supergraph's own, by subgraph name (tests, deployments). */
  subgraphUrls?: Record<string, string>;
  logger: Logger;
  plugins?: ApolloServerPlugin<RouterContext>[];
  /** How long /ready waits for each subgraph's /health, in milliseconds. */
  readinessTimeoutMs?: number;
}

export interface Router {
  listen(port: number, host?: string): Promise<RunningServer>;
}

/** What the router hands each subgraph fetch from the client's request. */
interface RouterContext {
  /** A provider's signed token (a JWT), passed on for the subgraphs to verify. */
  providerAuthorization?: string;
}

const JWT_BEARER = /^Bearer\s+[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** Only provider JWTs travel to subgraphs; any other Authorization header stays at the router. */
class SubgraphDataSource extends RemoteGraphQLDataSource<RouterContext> {
  override willSendRequest({ request, context }: Parameters<NonNullable<RemoteGraphQLDataSource<RouterContext>['willSendRequest']>>[0]) {
    if (context.providerAuthorization) request.http?.headers.set('authorization', context.providerAuthorization);
  }
}

const UNREACHABLE = /ECONNREFUSED|ECONNRESET|ENOTFOUND|fetch failed|socket hang up|request to .* failed/i;

/** Subgraph failures reach the client as SUBGRAPH_UNAVAILABLE; nothing internal leaks. */
function formatError(logger: Logger) {
  return (formatted: GraphQLFormattedError): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (UNREACHABLE.test(formatted.message)) {
      const service = formatted.extensions?.serviceName;
      logger.warn({ service, message: formatted.message }, 'subgraph unreachable');
      return {
        message: `A service of the network${typeof service === 'string' ? ` (${service})` : ''} is not answering; its part of the answer is missing. Try again later.`,
        path: formatted.path,
        extensions: { code: ErrorCode.SUBGRAPH_UNAVAILABLE, ...(typeof service === 'string' ? { serviceName: service } : {}) },
      };
    }
    if (code === ErrorCode.INTERNAL_SERVER_ERROR && !formatted.extensions?.serviceName) {
      logger.error({ message: formatted.message, path: formatted.path }, 'router error');
      return { message: 'The router failed to answer this request. It has been logged; try again later.', path: formatted.path, extensions: { code } };
    }
    const { stacktrace: _stacktrace, exception: _exception, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  };
}

function httpErrors(logger: Logger): ErrorRequestHandler {
  return (error: { status?: number; type?: string }, _request, response, _next) => {
    const status = error.status ?? 500;
    const message =
      error.type === 'entity.too.large' ? 'The request body is too large.' : error.type === 'entity.parse.failed' ? 'The request body is not valid JSON.' : 'The request could not be handled.';
    if (status >= 500) logger.error({ err: error }, 'request failed');
    response.status(status).json({ errors: [{ message, extensions: { code: status >= 500 ? ErrorCode.INTERNAL_SERVER_ERROR : 'BAD_REQUEST' } }] });
  };
}

async function probe(url: string, timeoutMs: number): Promise<'up' | 'down'> {
  try {
    const response = await fetch(url.replace(/\/graphql\/?$/, '/health'), { signal: AbortSignal.timeout(timeoutMs) });
    return response.ok ? 'up' : 'down';
  } catch {
    return 'down';
  }
}

/**
 * The network's front door: @apollo/gateway inside @apollo/server 5, serving the supergraph at
 * `/graphql`, liveness at `/health` and readiness (the supergraph loaded, every subgraph
 * answering) at `/ready`.
 */
export function createRouter(options: RouterOptions): Router {
  const { logger } = options;
  return {
    async listen(port: number, host = '127.0.0.1'): Promise<RunningServer> {
      const subgraphs = new Map<string, string>();
      const gateway = new ApolloGateway({
        supergraphSdl: options.supergraphSdl,
        logger,
        buildService: ({ name, url }) => {
          const target = options.subgraphUrls?.[name] ?? url;
          if (!target) throw new Error(`Subgraph ${name} has no routing URL.`);
          subgraphs.set(name, target);
          return new SubgraphDataSource({ url: target });
        },
      });
      const app = express();
      app.disable('x-powered-by');
      const httpServer = http.createServer(app);
      const apollo = new ApolloServer<RouterContext>({
        gateway,
        logger,
        includeStacktraceInErrorResponses: false,
        formatError: formatError(logger),
        // Shutdown is ours (closeOnSignal): stores must close after the server drains.
        stopOnTerminationSignals: false,
        plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ...(options.plugins ?? [])],
      });
      await apollo.start();

      app.get('/health', (_request, response) => {
        response.json({ status: 'ok', service: 'router' });
      });
      app.get('/ready', async (_request, response) => {
        const states = await Promise.all(
          [...subgraphs].map(async ([name, url]) => [name, await probe(url, options.readinessTimeoutMs ?? 2000)] as const),
        );
        const ready = states.every(([, state]) => state === 'up');
        response.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'degraded', supergraph: 'loaded', subgraphs: Object.fromEntries(states) });
      });
      app.use('/graphql', express.json({ limit: 1_000_000 }), expressMiddleware(apollo, {
          context: async ({ req }) => {
            const authorization = req.headers.authorization;
            return { providerAuthorization: authorization && JWT_BEARER.test(authorization) ? authorization : undefined };
          },
        }));
      app.use(httpErrors(logger));

      await new Promise<void>((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => resolve());
      });
      const actualPort = (httpServer.address() as AddressInfo).port;
      return { url: `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}/graphql`, port: actualPort, close: () => apollo.stop() };
    },
  };
}
