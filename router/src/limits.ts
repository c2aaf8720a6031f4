import { ApolloArmor } from '@escape.tech/graphql-armor';
import { ErrorCode } from '@aurora/service-kit';
import type { RequestHandler } from 'express';
import { GraphQLError, Kind, Lexer, Source, TokenKind, type ValidationRule } from 'graphql';

export interface RouterLimits {
  /** Largest request body, in bytes. */
  bodyBytes: number;
  maxDepth: number;
  maxAliases: number;
  maxRootFields: number;
  maxTokens: number;
  maxDirectives: number;
  /** graphql-armor's estimated cost of an operation. */
  maxCost: number;
  /** Answer several operations in one HTTP request (off by default). */
  allowBatching: boolean;
  /** Hide "did you mean …?" field suggestions (on in production). */
  hideSuggestions: boolean;
  /** Values in all of a request's variables together. */
  maxVariableValues: number;
  /** Errors in one response; the rest are counted in one last error. */
  maxErrors: number;
  /** Characters of one error message. */
  maxErrorLength: number;
  /** Milliseconds a request may take; a subgraph call gets only what is left of it. */
  deadlineMs: number;
  /** Bytes of one answer; a larger one is replaced by a RESPONSE_TOO_LARGE error. */
  maxResponseBytes: number;
}

export const DEFAULT_LIMITS: RouterLimits = {
  bodyBytes: 1_000_000,
  maxDepth: 12,
  maxAliases: 30,
  maxRootFields: 20,
  maxTokens: 5000,
  maxDirectives: 50,
  maxCost: 20_000,
  allowBatching: false,
  hideSuggestions: false,
  maxVariableValues: 10_000,
  maxErrors: 50,
  maxErrorLength: 1_000,
  deadlineMs: 30_000,
  maxResponseBytes: 10_000_000,
};

const limited = (message: string) => new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT } });

/** At most `max` fields at the root of an operation (fragments on the root type count too). */
function maxRootFields(max: number): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      let count = 0;
      for (const selection of operation.selectionSet.selections) {
        if (selection.kind === Kind.FIELD) count += 1;
        else if (selection.kind === Kind.INLINE_FRAGMENT) count += selection.selectionSet.selections.length;
        else count += context.getFragment(selection.name.value)?.selectionSet.selections.length ?? 1;
      }
      if (count > max) context.reportError(limited(`The operation asks for ${count} root fields; at most ${max} are allowed.`));
    },
  });
}

/** How many tokens a GraphQL source has, counting up to `max + 1`; null when it is not valid GraphQL. */
export function countTokens(source: string, max: number): number | null {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  try {
    while (count <= max && lexer.advance().kind !== TokenKind.EOF) count += 1;
  } catch {
    return null;
  }
  return count;
}

/**
 * Refuses, before anything parses it, a query with more than `max` tokens. A source that is not
 * valid GraphQL is left to the parser, which answers GRAPHQL_PARSE_FAILED with the position.
 */
export function tokenLimit(max: number): RequestHandler {
  return (request, response, next) => {
    const query = (request.body as { query?: unknown } | undefined)?.query ?? request.query.query;
    const count = typeof query === 'string' ? countTokens(query, max) : null;
    if (count !== null && count > max) {
      response
        .status(400)
        .json({ errors: [{ message: `The operation has more than ${max} tokens; make it smaller.`, extensions: { code: ErrorCode.BAD_USER_INPUT } }] });
      return;
    }
    next();
  };
}

/**
 * The router's protection against costly or malicious operations: graphql-armor's depth, alias,
 * directive and cost limits and its blocking of field suggestions, plus token and root-field limits
 * of our own (armor's token limit reports syntax errors as validation failures).
 * Each refusal names the limit and its value: GRAPHQL_VALIDATION_FAILED for the validation rules,
 * BAD_USER_INPUT for the token limit (checked before parsing).
 */
export function operationLimits(limits: RouterLimits) {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, exposeLimits: true, onAccept: [], onReject: [] },
    maxAliases: { n: limits.maxAliases, exposeLimits: true },
    maxTokens: { enabled: false },
    maxDirectives: { n: limits.maxDirectives, exposeLimits: true },
    costLimit: { maxCost: limits.maxCost, exposeLimits: true },
    blockFieldSuggestion: { enabled: limits.hideSuggestions },
  });
  const protection = armor.protect();
  return {
    plugins: protection.plugins,
    validationRules: [...protection.validationRules, maxRootFields(limits.maxRootFields)],
    tokenLimit: tokenLimit(limits.maxTokens),
  };
}
