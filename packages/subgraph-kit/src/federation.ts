import 'reflect-metadata';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type BuildSchemaOptions } from 'type-graphql';
import { withSharedTypes } from './shared-types';

/** The one place that names the Federation version every subgraph of the network speaks. */
export const FEDERATION_SPEC_URL = 'https://specs.apollo.dev/federation/v2.9';

/** Federation directives a subgraph may use without importing them itself. */
export const FEDERATION_IMPORTS = [
  '@key',
  '@shareable',
  '@external',
  '@requires',
  '@provides',
  '@inaccessible',
  '@override',
  '@tag',
  '@interfaceObject',
  '@authenticated',
  '@requiresScopes',
] as const;

export function federationLink(): string {
  const imports = FEDERATION_IMPORTS.map((name) => `"${name}"`).join(', ');
  return `extend schema @link(url: "${FEDERATION_SPEC_URL}", import: [${imports}])`;
}

/** A schema module as @apollo/subgraph takes it, named from its public `buildSubgraphSchema`. */
type SchemaModule = Extract<Extract<Parameters<typeof buildSubgraphSchema>[0], readonly unknown[]>[number], { resolvers?: unknown }>;

/**
 * Resolvers in the shape @apollo/subgraph takes, including each entity's `__resolveReference`;
 * each resolver names its own context type.
 */
export type SubgraphResolvers = NonNullable<SchemaModule['resolvers']>;

function withLink(typeDefs: string): string {
  if (typeDefs.includes('specs.apollo.dev/federation/')) {
    throw new Error('Subgraph SDL must not link the federation spec itself; the subgraph kit adds the @link.');
  }
  return `${federationLink()}\n\n${typeDefs}`;
}

/** Builds a Federation 2 subgraph schema from SDL (without `@link`) and resolvers. */
export function buildSubgraphFromSdl(typeDefs: string, resolvers: SubgraphResolvers): GraphQLSchema {
  return buildSubgraphSchema([{ typeDefs: parse(withLink(withSharedTypes(typeDefs))), resolvers }]);
}

export interface ClassSubgraphOptions {
  /** type-graphql resolver classes. */
  resolvers: BuildSchemaOptions['resolvers'];
  /** Types reachable only through entities (for example a type only `_entities` returns). */
  orphanedTypes?: BuildSchemaOptions['orphanedTypes'];
  /** `__resolveReference` per entity type name. */
  references?: Record<string, { __resolveReference: (...args: never[]) => unknown }>;
  /** Resolves resolver class instances (dependency injection); plain construction by default. */
  container?: BuildSchemaOptions['container'];
}

/**
 * Builds a Federation 2 subgraph schema from type-graphql classes: type-graphql builds the schema,
 * it is printed with its directives (graphql's own printer drops `@key`), the federation `@link`
 * is added, and @apollo/subgraph builds the subgraph with the type-graphql resolvers.
 */
export async function buildSubgraphFromClasses(options: ClassSubgraphOptions): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    container: options.container,
    validate: true,
    skipCheck: true,
  });
  const typeDefs = printSchemaWithDirectives(schema);
  const resolvers = createResolversMap(schema) as SubgraphResolvers;
  for (const [typeName, reference] of Object.entries(options.references ?? {})) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...reference } as SubgraphResolvers[string];
  }
  return buildSubgraphSchema([{ typeDefs: parse(withLink(typeDefs)), resolvers }]);
}
