import { createHash } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode, type ProviderTokenVerifier } from '@aurora/service-kit';
import { allows, type AccessRule } from '@aurora/supergraph';
import {
  getNamedType,
  GraphQLError,
  isObjectType,
  isInterfaceType,
  Kind,
  print,
  type DocumentNode,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import type { RouterContext } from './context';

interface Refusal {
  path: string[];
  code: 'UNAUTHENTICATED' | 'FORBIDDEN';
  coordinate: string;
}

const TYPENAME: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } };

/**
 * Removes from an operation every field the caller may not see, following fragments and aliases,
 * and says where (response paths) and why. Fragment spreads are inlined, so that a fragment used
 * in two places is judged in each. A selection left empty asks for `__typename` only.
 */
export function authorise(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rules: Map<string, AccessRule>,
  caller: { authenticated: boolean; scopes: string[] },
): { operation: OperationDefinitionNode; refusals: Refusal[] } {
  const fragments = new Map(
    document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION).map((fragment) => [fragment.name.value, fragment]),
  );
  const refusals: Refusal[] = [];
  const walk = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType, path: string[]): SelectionSetNode => {
    const selections: SelectionNode[] = [];
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        const key = selection.alias?.value ?? name;
        if (name.startsWith('__') || !(isObjectType(parent) || isInterfaceType(parent))) {
          selections.push(selection);
          continue;
        }
        const field = parent.getFields()[name];
        const returned = field ? getNamedType(field.type) : undefined;
        const rule = rules.get(`${parent.name}.${name}`) ?? (returned ? rules.get(returned.name) : undefined);
        const verdict = rule ? allows(rule, caller) : 'ok';
        if (verdict !== 'ok') {
          refusals.push({ path: [...path, key], code: verdict, coordinate: `${parent.name}.${name}` });
          continue;
        }
        selections.push(
          selection.selectionSet && returned
            ? { ...selection, selectionSet: walk(selection.selectionSet, returned as GraphQLCompositeType, [...path, key]) }
            : selection,
        );
      } else {
        const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : selection;
        if (!fragment) continue;
        const condition = fragment.typeCondition ? (schema.getType(fragment.typeCondition.name.value) as GraphQLCompositeType) : parent;
        selections.push({
          kind: Kind.INLINE_FRAGMENT,
          typeCondition: fragment.typeCondition,
          directives: selection.directives,
          selectionSet: walk(fragment.selectionSet, condition, path),
        });
      }
    }
    return { ...selectionSet, selections: selections.length > 0 ? selections : [TYPENAME] };
  };
  const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  if (!root) return { operation, refusals };
  return { operation: { ...operation, selectionSet: walk(operation.selectionSet, root, []) }, refusals };
}

/** Sets `null` at a response path (through every element of lists on the way). */
function nullAt(data: unknown, path: string[]): void {
  if (data === null || data === undefined) return;
  if (Array.isArray(data)) {
    for (const item of data) nullAt(item, path);
    return;
  }
  const [head, ...rest] = path;
  if (head === undefined || typeof data !== 'object') return;
  const record = data as Record<string, unknown>;
  if (rest.length === 0) {
    record[head] = null;
  } else nullAt(record[head], rest);
}

/**
 * Enforces the supergraph's `@authenticated` and `@requiresScopes` in the router: fields the
 * caller may not see are taken out of the operation before the gateway plans it (so no subgraph
 * is asked for them), answered with `null`, and reported with their path as UNAUTHENTICATED or
 * FORBIDDEN; the rest of the operation runs as usual.
 */
export function authorizationPlugin(rules: () => Map<string, AccessRule>, verifier: ProviderTokenVerifier): ApolloServerPlugin<RouterContext> {
  return {
    async requestDidStart() {
      let refusals: Refusal[] = [];
      return {
        async didResolveOperation(requestContext) {
          const current = rules();
          const operation = requestContext.operation;
          if (current.size === 0 || !operation) return;
          const { identity, providerAuthorization } = requestContext.contextValue;
          let caller = { authenticated: !!identity, scopes: [] as string[] };
          if (providerAuthorization) {
            try {
              const claims = await verifier.verify(providerAuthorization);
              caller = { authenticated: true, scopes: claims.scopes };
            } catch {
              caller = { authenticated: false, scopes: [] };
            }
          }
          const result = authorise(requestContext.schema, requestContext.document as DocumentNode, operation, current, caller);
          refusals = result.refusals;
          if (refusals.length === 0) return;
          const document: DocumentNode = { kind: Kind.DOCUMENT, definitions: [result.operation] };
          const mutable = requestContext as unknown as { document: DocumentNode; operation: OperationDefinitionNode; queryHash: string };
          mutable.document = document;
          mutable.operation = result.operation;
          // The gateway caches query plans by this hash: a trimmed operation must not share the full one's plan.
          mutable.queryHash = createHash('sha256').update(print(document)).digest('hex');
        },
        async willSendResponse({ response }) {
          if (refusals.length === 0 || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          for (const refusal of refusals) nullAt(result.data, refusal.path);
          const errors = refusals.map(
            (refusal) =>
              new GraphQLError(
                refusal.code === 'UNAUTHENTICATED'
                  ? `${refusal.coordinate} needs you to be signed in; it was left out.`
                  : `${refusal.coordinate} needs a scope your token does not have; it was left out.`,
                { path: refusal.path, extensions: { code: refusal.code === 'UNAUTHENTICATED' ? ErrorCode.UNAUTHENTICATED : ErrorCode.FORBIDDEN } },
              ),
          );
          result.errors = [...(result.errors ?? []), ...errors];
        },
      };
    },
  };
}
