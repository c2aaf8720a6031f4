import { GraphQLError } from 'graphql';

/** The stable `extensions.code` values a client of the network can branch on. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  /** What was asked for conflicts with what exists now, such as a time already booked; `extensions.reason` says which. */
  CONFLICT: 'CONFLICT',
  /** The person has not consented to share what the answer needs; `extensions.purpose` and `extensions.attributes` say what to allow. */
  CONSENT_REQUIRED: 'CONSENT_REQUIRED',
  RATE_LIMITED: 'RATE_LIMITED',
  SUBGRAPH_UNAVAILABLE: 'SUBGRAPH_UNAVAILABLE',
  /** The service is still starting (building its index); `extensions.retryAfterSeconds` says when to try again. */
  NOT_READY: 'NOT_READY',
  /** The request's deadline passed; what did not come in time is missing, `extensions.serviceName` says whose. */
  DEADLINE_EXCEEDED: 'DEADLINE_EXCEEDED',
  /** The answer would be larger than the router sends; ask for fewer items or fields. */
  RESPONSE_TOO_LARGE: 'RESPONSE_TOO_LARGE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** An error a client sees as it is: a stable code and a message a person can act on. */
export function codedError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

export function badUserInput(message: string, argument?: string): GraphQLError {
  return codedError(ErrorCode.BAD_USER_INPUT, message, argument ? { argument } : {});
}
