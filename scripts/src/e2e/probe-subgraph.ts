import type { ApolloServerPlugin } from '@apollo/server';
import type { DocumentStore } from '@aurora/store';
import { buildSubgraphFromSdl, codedError, createSubgraphServer, ErrorCode, pseudonymOf, type Logger, type SubgraphServer } from '@aurora/subgraph-kit';

/**
 * A test subgraph that stands for any service keeping personal data: it stores bookmarks under
 * its own pseudonym for the person, and asks the profile for attributes through `@requires` so
 * that a test can record exactly what it received.
 */
export const PROBE_SDL = `
type Query {
  "The person's bookmarks."
  myBookmarks: [String!]!
}
type Mutation {
  "Bookmarks a service id."
  bookmarkService(id: ID!): [String!]!
}
type Me @key(fields: "handle") {
  handle: ID!
  recommendationAttributes: SharedAttributes! @external
  "What the probe computed from the attributes it was given."
  probeSummary: String! @requires(fields: "recommendationAttributes { age municipality lifeEvents language interests wellbeing { health finance } }")
}
type SharedAttributes @external {
  age: Int
  municipality: String
  lifeEvents: [String!]
  language: Language
  wellbeing: Wellbeing
  interests: [String!]
}
type Wellbeing @external {
  health: Int
  finance: Int
}
enum Language { FI SV EN }
`;

interface Bookmark {
  _id: string;
  pseudonym: string;
  serviceId: string;
  [field: string]: unknown;
}

export function createProbeSubgraph(
  store: DocumentStore,
  logger: Logger,
  secret: string,
  received: unknown[],
  plugins: ApolloServerPlugin[] = [],
): SubgraphServer {
  const bookmarks = store.collection<Bookmark>('bookmarks');
  const requirePseudonym = (context: { pseudonym: string | null }) => {
    if (!context.pseudonym) throw codedError(ErrorCode.UNAUTHENTICATED, 'identity needed');
    return context.pseudonym;
  };
  const schema = buildSubgraphFromSdl(PROBE_SDL, {
    Query: {
      myBookmarks: async (_: unknown, __: unknown, context: { pseudonym: string | null }) =>
        (await bookmarks.find({ pseudonym: requirePseudonym(context) })).map((bookmark) => bookmark.serviceId),
    },
    Mutation: {
      bookmarkService: async (_: unknown, { id }: { id: string }, context: { pseudonym: string | null }) => {
        const pseudonym = requirePseudonym(context);
        await bookmarks.replaceOne({ _id: `${pseudonym}:${id}` }, { _id: `${pseudonym}:${id}`, pseudonym, serviceId: id }, { upsert: true });
        return (await bookmarks.find({ pseudonym })).map((bookmark) => bookmark.serviceId);
      },
    },
    Me: {
      __resolveReference: (representation: Record<string, unknown>) => {
        received.push(representation); // what arrived, exactly; nothing of it is stored
        return representation;
      },
      probeSummary: (me: { recommendationAttributes: Record<string, unknown> }) =>
        Object.entries(me.recommendationAttributes)
          .filter(([, value]) => value !== null)
          .map(([key]) => key)
          .join(',') || 'nothing shared',
    },
  } as never);
  return createSubgraphServer({
    name: 'probe',
    schema,
    logger,
    context: (request) => ({ pseudonym: pseudonymOf(request) }),
    plugins: plugins as never,
    personalData: {
      secret,
      handler: {
        export: async (pseudonym) => (await bookmarks.find({ pseudonym })).map((bookmark) => bookmark.serviceId),
        delete: async (pseudonym) => ({ deletedRecords: (await bookmarks.deleteMany({ pseudonym })).deletedCount }),
      },
    },
  });
}
