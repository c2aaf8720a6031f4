import * as fs from 'node:fs';
import * as path from 'node:path';
import { printSubgraphSchema } from '@apollo/subgraph';
import {
  buildSubgraphFromSdl,
  createSubgraphServer,
  requirePersonalDataSecret,
  providerAuthSettings,
  ProviderTokenVerifier,
  pseudonymOf,
  type ProviderAuthSettings,
  type RunningServer,
  type SubgraphEnv,
  type NetworkSubgraph,
  type SubgraphOptions,
} from '@aurora/subgraph-kit';
import { mountPage } from '@aurora/web-ui';
import { Dialogue } from './dialogue';
import type { RouterPost } from './network';
import { createResolvers, type ChatbotContext } from './resolvers';

export const SUBGRAPH_NAME = 'chatbot';
export const typeDefs = fs.readFileSync(path.join(__dirname, 'schema.graphql'), 'utf8');
export const PUBLIC_DIR = path.resolve(__dirname, '..', 'public');

export interface ChatbotOptions extends SubgraphOptions<SubgraphEnv & { AURORA_ROUTER_URL?: string; AURORA_PUBLIC_ROUTER_URL?: string }> {
  personalDataSecret?: string;
  auth?: ProviderAuthSettings;
  /** The router's GraphQL endpoint, for the chatbot itself and for the page; read when needed (tests learn it later). */
  routerUrl?: () => string;
  publicRouterUrl?: () => string;
}

/** The chatbot as a subgraph with its web page at /, on its own store. */
export async function createChatbotSubgraph(options: ChatbotOptions) {
  const routerUrl = options.routerUrl ?? (() => options.config?.AURORA_ROUTER_URL ?? 'http://127.0.0.1:4000/graphql');
  const publicRouterUrl = options.publicRouterUrl ?? (() => options.config?.AURORA_PUBLIC_ROUTER_URL ?? routerUrl());
  const post: RouterPost = async (query, variables) => {
    const response = await fetch(routerUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'apollographql-client-name': 'chatbot' },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(10_000),
    });
    return (await response.json()) as Awaited<ReturnType<RouterPost>>;
  };
  const dialogue = new Dialogue(options.store, post, options.logger);
  const secret = requirePersonalDataSecret(SUBGRAPH_NAME, options.personalDataSecret, options.config);
  const auth = options.auth ?? (options.config ? providerAuthSettings(options.config) : { issuer: 'aurora-dev', audience: 'aurora-network' });
  const server = createSubgraphServer<ChatbotContext>({
    name: SUBGRAPH_NAME,
    schema: buildSubgraphFromSdl(typeDefs, createResolvers(dialogue, new ProviderTokenVerifier(auth))),
    logger: options.logger,
    context: (request) => ({ pseudonym: pseudonymOf(request), authorization: request.headers.authorization }),
    plugins: options.plugins,
    routes: (app) => mountPage(app, { publicDir: PUBLIC_DIR, graphqlUrl: publicRouterUrl }),
    personalData: {
      secret,
      handler: {
        export: (pseudonym) => dialogue.exportPerson(pseudonym),
        async delete(pseudonym) {
          return { deletedRecords: await dialogue.deletePerson(pseudonym) };
        },
      },
    },
  });
  return {
    dialogue,
    async listen(port: number, host?: string): Promise<RunningServer> {
      const running = await server.listen(port, host);
      const forget = async () => {
        const forgotten = await dialogue.forgetOlderThan();
        if (forgotten > 0) options.logger.info({ forgotten }, 'forgot conversations untouched for 30 days');
      };
      await forget();
      const timer = setInterval(() => void forget().catch(() => undefined), 3_600_000);
      timer.unref();
      return {
        ...running,
        async close() {
          clearInterval(timer);
          await running.close();
        },
      };
    },
  };
}

/** The subgraph's SDL as composition sees it. */
export async function printSchema(): Promise<string> {
  return printSubgraphSchema(buildSubgraphFromSdl(typeDefs, {}));
}

/** This subgraph as the network loads it from the manifest (`npm run schema:compose`, the end-to-end tests). */
export const networkSubgraph: NetworkSubgraph = { name: SUBGRAPH_NAME, printSchema, create: (services) => createChatbotSubgraph(services) };
