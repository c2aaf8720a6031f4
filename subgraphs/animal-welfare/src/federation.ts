import { buildSchema, GraphQLError, type GraphQLSchema, type GraphQLUnionType } from 'graphql';

/**
 * The federation subgraph spec, implemented with graphql-js alone: the directives the SDL uses,
 * `_Any`, the `_Entity` union of every `@key` type, `Query._service { sdl }` returning the SDL as
 * written, and `Query._entities(representations)` resolving each representation through the
 * type's reference resolver.
 */
export function buildFederatedSchema(
  sdl: string,
  references: Record<string, (representation: Record<string, unknown>) => unknown>,
): { schema: GraphQLSchema; rootValue: Record<string, unknown> } {
  const entities = [...sdl.matchAll(/type\s+(\w+)\s+@key\(/g)].map((match) => match[1] as string);
  const machinery = `
    directive @link(url: String!, import: [String]) repeatable on SCHEMA
    directive @key(fields: String!, resolvable: Boolean = true) repeatable on OBJECT | INTERFACE
    directive @interfaceObject on OBJECT
    scalar _Any
    union _Entity = ${entities.join(' | ')}
    type _Service { sdl: String! }
    extend type Query {
      _service: _Service!
      _entities(representations: [_Any!]!): [_Entity]!
    }
  `;
  const schema = buildSchema(`${sdl}\n${machinery}`);
  (schema.getType('_Entity') as GraphQLUnionType).resolveType = (value: { __typename?: string }) => value.__typename;
  const rootValue = {
    _service: () => ({ sdl }),
    _entities: ({ representations }: { representations: Record<string, unknown>[] }) =>
      representations.map((representation) => {
        const resolve = references[String(representation.__typename)];
        if (!resolve) return new GraphQLError(`This subgraph does not resolve ${String(representation.__typename)}.`);
        const entity = resolve(representation) as Record<string, unknown> | null;
        return entity ? { ...entity, __typename: representation.__typename } : null;
      }),
  };
  return { schema, rootValue };
}
