import { ErrorCode, httpErrors as kitHttpErrors, type Logger } from '@aurora/service-kit';
import type { ErrorRequestHandler } from 'express';
import type { GraphQLFormattedError } from 'graphql';
import { SubgraphCallError } from './subgraph-fetch';

/** The failed subgraph call behind an error, if one is: the fetcher throws it, the gateway and the server wrap it. */
function subgraphCallError(error: unknown): SubgraphCallError | null {
  for (let cause = error, depth = 0; cause && depth < 5; cause = (cause as { originalError?: unknown }).originalError, depth += 1) {
    if (cause instanceof SubgraphCallError) return cause;
  }
  return null;
}

/** Subgraph failures reach the client as SUBGRAPH_UNAVAILABLE or DEADLINE_EXCEEDED; nothing internal leaks. */
export function formatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    const failed = subgraphCallError(error);
    if (failed?.failure === 'PAST_DEADLINE') {
      return {
        message: `The request ran out of time before ${failed.subgraph} answered; that part of the answer is missing. Ask for less at once, or try again later.`,
        path: formatted.path,
        extensions: { code: ErrorCode.DEADLINE_EXCEEDED, serviceName: failed.subgraph },
      };
    }
    if (failed) {
      logger.warn({ service: failed.subgraph, failure: failed.failure }, 'subgraph unreachable');
      return {
        message: `A service of the network (${failed.subgraph}) is not answering; its part of the answer is missing. Try again later.`,
        path: formatted.path,
        extensions: { code: ErrorCode.SUBGRAPH_UNAVAILABLE, serviceName: failed.subgraph },
      };
    }
    if (code === ErrorCode.INTERNAL_SERVER_ERROR && !formatted.extensions?.serviceName) {
      logger.error({ message: formatted.message, path: formatted.path }, 'router error');
      return { message: 'The router failed to answer this request. It has been logged; try again later.', path: formatted.path, extensions: { code } };
    }
    const { stacktrace: _stacktrace, exception: _exception, ...extensions } = formatted.extensions ?? {};
    // graphql-armor words its limits as syntax errors; a limit is not one ("Query Cost limit of 20000 exceeded").
    const message = code === 'GRAPHQL_VALIDATION_FAILED' ? formatted.message.replace(/^Syntax Error: /, '') : formatted.message;
    return { ...formatted, message, extensions };
  };
}

/** The HTTP layer's refusals (bad JSON, too large) as the kit answers them, a body too large coded PAYLOAD_TOO_LARGE. */
export const httpErrors = (logger: Logger): ErrorRequestHandler => kitHttpErrors(logger, 'PAYLOAD_TOO_LARGE');
