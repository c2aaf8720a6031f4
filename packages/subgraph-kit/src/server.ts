import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Request } from 'express';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { ErrorCode, httpErrors, type Logger, mountPersonalData, type PersonalDataOptions, type RunningServer } from '@aurora/service-kit';

/** What every resolver of every subgraph gets, plus the subgraph's own per-request parts. */
export interface BaseContext {
  logger: Logger;
}

export interface SubgraphServerOptions<TContext extends object> {
  /** The subgraph's name in the supergraph; it appears in logs and error messages. */
  name: string;
  schema: GraphQLSchema;
  logger: Logger;
  /** Builds the per-request context, for example fresh DataLoaders. */
  context: (request: Request) => TContext | Promise<TContext>;
  /** Extra Apollo Server plugins (tests use one to count requests). */
  plugins?: ApolloServerPlugin<TContext & BaseContext>[];
  /** Largest request body accepted, in bytes. */
  bodyLimit?: number;
  /** For a subgraph that keeps personal data: its export and deletion, offered to the router. */
  personalData?: PersonalDataOptions;
  /**
   * For public data: how long (seconds) query answers may be cached, as a Cache-Control header the
   * router combines across subgraphs. Unset: 0, nothing is cacheable.
   */
  cacheMaxAge?: number;
  /** Extra HTTP routes beside /graphql, such as a reference service's web page. */
  routes?: (app: express.Express) => void;
  /**
   * Whether the subgraph can answer as it should yet (its index built, say): `GET /ready` answers
   * 200 or 503 with the reason. Always ready when not given; `/health` is liveness only.
   */
  readiness?: () => { ready: boolean; reason?: string };
}

export interface SubgraphServer {
  /** Starts listening; port 0 picks a free port (tests). */
  listen(port: number, host?: string): Promise<RunningServer>;
}

function maskInternalErrors(name: string, logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof GraphQLError && formatted.extensions?.code !== ErrorCode.INTERNAL_SERVER_ERROR) {
      return formatted;
    }
    if (original instanceof GraphQLError && original.originalError === undefined) return formatted;
    logger.error({ err: original, path: formatted.path }, 'resolver failed');
    return {
      message: `The ${name} service failed to answer this part of the request. It has been logged; try again later.`,
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}

/**
 * A subgraph's HTTP server: GraphQL at `/graphql`, liveness at `/health`, readiness at `/ready`. Stack traces never
 * reach a client; unexpected errors are logged and answered with INTERNAL_SERVER_ERROR.
 */
export function createSubgraphServer<TContext extends object>(options: SubgraphServerOptions<TContext>): SubgraphServer {
  const { name, logger } = options;
  return {
    async listen(port: number, host = '127.0.0.1'): Promise<RunningServer> {
      const app = express();
      app.disable('x-powered-by');
      const httpServer = http.createServer(app);
      const apollo = new ApolloServer<TContext & BaseContext>({
        schema: options.schema,
        includeStacktraceInErrorResponses: false,
        formatError: maskInternalErrors(name, logger),
        // Shutdown is ours (closeOnSignal): stores must close after the server drains.
        stopOnTerminationSignals: false,
        logger,
        plugins: [
          ApolloServerPluginDrainHttpServer({ httpServer }),
          // Traces to Apollo's hosted service only; the network does its own tracing.
          ApolloServerPluginInlineTraceDisabled(),
          ...(options.cacheMaxAge ? [ApolloServerPluginCacheControl({ defaultMaxAge: options.cacheMaxAge })] : []),
          ...(options.plugins ?? []),
        ],
      });
      await apollo.start();
      app.get('/health', (_request, response) => {
        response.json({ status: 'ok', service: name });
      });
      app.get('/ready', (_request, response) => {
        const state = options.readiness?.() ?? { ready: true };
        response
          .status(state.ready ? 200 : 503)
          .json({ status: state.ready ? 'ready' : 'starting', service: name, ...(state.reason ? { reason: state.reason } : {}) });
      });
      if (options.personalData) mountPersonalData(app, options.personalData, logger);
      options.routes?.(app);
      app.use(
        '/graphql',
        express.json({ limit: options.bodyLimit ?? 1_000_000 }),
        expressMiddleware(apollo, {
          context: async ({ req }) => ({ ...(await options.context(req)), logger }),
        }),
      );
      app.use(httpErrors(logger));
      await new Promise<void>((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => resolve());
      });
      const actualPort = (httpServer.address() as AddressInfo).port;
      const displayHost = host.includes(':') ? `[${host}]` : host;
      return {
        url: `http://${displayHost}:${actualPort}/graphql`,
        port: actualPort,
        close: () => apollo.stop(),
      };
    },
  };
}
