import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import { ErrorCode } from '@aurora/service-kit';
import type { RouterLimits } from './limits';
import {
  getNamedType,
  GraphQLError,
  isInputObjectType,
  isListType,
  isNonNullType,
  typeFromAST,
  type GraphQLFormattedError,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';

/** How much one request may make the router do with its variables and its errors (settings in `RouterLimits`). */
export type WorkLimits = Pick<RouterLimits, 'maxVariableValues' | 'maxErrors' | 'maxErrorLength'>;

/** Fields a type does not define, named in an error: enough to find the mistake, never the whole input. */
const NAMED_UNKNOWN = 5;

class VariablesRefused extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } } });
  }
}

/**
 * Checks the variables against the operation's variable types before anything coerces them, with
 * a budget: unknown fields of an input object are one error naming a few of them and their count
 * (graphql-js would give one error per field, each repeating the whole input: 2,000 unknown keys
 * made 370 MB), and more than `maxValues` values in all are refused outright. What passes is then
 * coerced as usual, with its usual messages.
 */
export function checkVariables(schema: GraphQLSchema, operation: OperationDefinitionNode, variables: Record<string, unknown>, maxValues: number): void {
  let budget = maxValues;
  const walk = (value: unknown, type: GraphQLInputType | undefined, path: string) => {
    budget -= 1;
    if (budget < 0) throw new VariablesRefused(`The variables hold more than ${maxValues} values; send less at once.`);
    if (value === null || value === undefined || !type) return;
    const inner = isNonNullType(type) ? type.ofType : type;
    if (isListType(inner)) {
      if (Array.isArray(value)) for (const [index, item] of value.entries()) walk(item, inner.ofType, `${path}[${index}]`);
      else walk(value, inner.ofType, path);
      return;
    }
    const named = getNamedType(inner);
    if (isInputObjectType(named)) {
      if (typeof value !== 'object' || Array.isArray(value)) return; // coercion names the wrong type
      const fields = named.getFields();
      const unknown: string[] = [];
      let count = 0;
      for (const key of Object.keys(value)) {
        budget -= 1;
        if (budget < 0) throw new VariablesRefused(`The variables hold more than ${maxValues} values; send less at once.`);
        if (!(key in fields)) {
          count += 1;
          if (unknown.length < NAMED_UNKNOWN) unknown.push(JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key));
        }
      }
      if (count > 0) {
        throw new VariablesRefused(
          `${path} has ${count === 1 ? 'a field' : `${count} fields`} that ${named.name} does not define: ${unknown.join(', ')}${count > unknown.length ? ', …' : ''}.`,
        );
      }
      for (const [key, field] of Object.entries(value as Record<string, unknown>)) walk(field, fields[key]?.type, `${path}.${key}`);
      return;
    }
    if (Array.isArray(value)) for (const item of value) walk(item, undefined, path);
    else if (typeof value === 'object') for (const item of Object.values(value)) walk(item, undefined, path);
  };
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    walk(variables[name], typeFromAST(schema, definition.type) as GraphQLInputType | undefined, `Variable "$${name}"`);
  }
}

/** The variables check as an Apollo Server plugin: before the router plans or coerces anything. */
export function boundedVariables(limits: WorkLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, schema, request }) {
          if (!operation) {
            // An operation name the document does not have is the client's mistake: 400, not a router failure.
            const name = request.operationName
              ? `named "${request.operationName.slice(0, 100)}"`
              : 'to run: the document has several, name one in operationName';
            throw new GraphQLError(`Unknown operation ${name}.`, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } });
          }
          checkVariables(schema, operation, request.variables ?? {}, limits.maxVariableValues);
        },
      };
    },
  };
}

/** At most `maxErrors` errors, each at most `maxErrorLength` characters; what was left out is said. */
export function capErrors(errors: readonly GraphQLFormattedError[], limits: WorkLimits): GraphQLFormattedError[] {
  const cut = (error: GraphQLFormattedError): GraphQLFormattedError =>
    error.message.length > limits.maxErrorLength ? { ...error, message: `${error.message.slice(0, limits.maxErrorLength)}… (shortened)` } : error;
  if (errors.length <= limits.maxErrors) return errors.map(cut);
  const kept = errors.slice(0, limits.maxErrors - 1).map(cut);
  kept.push({
    message: `${errors.length - kept.length} more errors were left out of this answer.`,
    extensions: { code: ErrorCode.BAD_USER_INPUT, omittedErrors: errors.length - kept.length },
  });
  return kept;
}

/** The error caps as a plugin: applied to every response the router sends. */
export function boundedErrors(limits: WorkLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind === 'single' && response.body.singleResult.errors) {
            response.body.singleResult.errors = capErrors(response.body.singleResult.errors, limits);
          }
        },
      };
    },
  };
}

/**
 * At most `maxBytes` in one answer: the router's answers are sent whole (`res.send` of the
 * serialised body), so the size is checked there, without serialising twice; a larger answer is
 * replaced by one RESPONSE_TOO_LARGE error saying how to ask for less.
 */
export function boundedResponse(maxBytes: number): RequestHandler {
  return (_request, response, next) => {
    const send = response.send.bind(response);
    response.send = (body?: unknown) => {
      if (typeof body === 'string' && body.length * 3 > maxBytes) {
        const bytes = Buffer.byteLength(body);
        if (bytes > maxBytes) {
          response.removeHeader('content-length');
          return send(
            JSON.stringify({
              errors: [
                {
                  message: `The answer would be ${bytes} bytes; at most ${maxBytes} are sent. Ask for fewer items (first) or fewer fields.`,
                  extensions: { code: ErrorCode.RESPONSE_TOO_LARGE, maxBytes },
                },
              ],
            }),
          );
        }
      }
      return send(body);
    };
    next();
  };
}
