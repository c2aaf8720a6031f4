import type { ApolloServerPlugin } from '@apollo/server';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import type { RouterContext } from './context';
import { anonymous } from './credentials';

/** An answer given to someone with a token is theirs: no shared cache may keep it. */
export const privateWhenSignedIn: ApolloServerPlugin<RouterContext> = {
  async requestDidStart({ contextValue, overallCachePolicy }) {
    if (!anonymous(contextValue)) overallCachePolicy.restrict({ scope: 'PRIVATE' });
  },
};

/** Whole answers to anonymous queries, kept as long as the subgraphs' Cache-Control allows. */
export function responseCache(): ApolloServerPlugin<RouterContext> {
  return responseCachePlugin<RouterContext>({
    sessionId: async () => null,
    shouldReadFromCache: async ({ contextValue }) => anonymous(contextValue),
    shouldWriteToCache: async ({ contextValue }) => anonymous(contextValue),
  });
}
