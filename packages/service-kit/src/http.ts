import type { ErrorRequestHandler } from 'express';
import { ErrorCode } from './errors';
import type { Logger } from './logger';

/** A server of the network once listening. */
export interface RunningServer {
  /** The GraphQL endpoint, for example `http://127.0.0.1:4001/graphql`. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Answers requests the HTTP layer refuses (bad JSON, too large) in GraphQL's error shape. The
 * router gives a body that is too large its own code; a subgraph answers BAD_REQUEST.
 */
export function httpErrors(logger: Logger, tooLargeCode = 'BAD_REQUEST'): ErrorRequestHandler {
  return (error: { status?: number; type?: string }, _request, response, _next) => {
    const status = error.status ?? 500;
    const message =
      error.type === 'entity.too.large'
        ? 'The request body is too large.'
        : error.type === 'entity.parse.failed'
          ? 'The request body is not valid JSON.'
          : 'The request could not be handled.';
    if (status >= 500) logger.error({ err: error }, 'request failed');
    const code = status >= 500 ? ErrorCode.INTERNAL_SERVER_ERROR : error.type === 'entity.too.large' ? tooLargeCode : 'BAD_REQUEST';
    response.status(status).json({ errors: [{ message, extensions: { code } }] });
  };
}
