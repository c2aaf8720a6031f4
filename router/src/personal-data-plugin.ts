import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '@aurora/service-kit';
import { execute, GraphQLError, Kind, type OperationDefinitionNode } from 'graphql';
import type { PersonalDataCoordinator } from './personal-data';
import type { RouterContext } from './context';

const FIELDS = new Set(['exportMyData', 'deleteMyData']);

/**
 * `exportMyData` and `deleteMyData` are answered by the router itself, which alone can reach
 * every subgraph with that subgraph's pseudonym. The operation is executed here against the
 * supergraph's schema with the coordinator's results as its root value, so the client's
 * selection, aliases and variables work as for any other field.
 */
export function personalDataPlugin(coordinator: PersonalDataCoordinator): ApolloServerPlugin<RouterContext> {
  return {
    async requestDidStart() {
      return {
        async responseForOperation(requestContext) {
          const operation = requestContext.operation as OperationDefinitionNode | undefined;
          if (operation?.operation !== 'mutation') return null;
          const roots = operation.selectionSet.selections.filter((selection) => selection.kind === Kind.FIELD);
          const ours = roots.filter((selection) => FIELDS.has(selection.name.value));
          if (ours.length === 0) return null;
          const fail = (message: string, code: string) => ({
            http: requestContext.response.http,
            body: { kind: 'single' as const, singleResult: { errors: [new GraphQLError(message, { extensions: { code } })] } },
          });
          if (ours.length !== operation.selectionSet.selections.length) {
            return fail('exportMyData and deleteMyData must be the only fields of their mutation.', ErrorCode.BAD_USER_INPUT);
          }
          const identity = requestContext.contextValue.identity;
          if (!identity) return fail('This needs your identity token: send it as "Authorization: Bearer <token>".', ErrorCode.UNAUTHENTICATED);
          const result = await execute({
            schema: requestContext.schema,
            document: requestContext.document,
            operationName: requestContext.request.operationName,
            variableValues: requestContext.request.variables,
            rootValue: {
              exportMyData: async () => ({ exportedAt: new Date().toISOString(), ...(await coordinator.export(identity)) }),
              deleteMyData: async () => ({ requestedAt: new Date().toISOString(), ...(await coordinator.delete(identity)) }),
            },
          });
          return { http: requestContext.response.http, body: { kind: 'single', singleResult: { data: result.data, errors: result.errors } } };
        },
      };
    },
  };
}
