import { ErrorCode } from '@aurora/service-kit';
import { GraphQLError } from 'graphql';
import type { RouterContext } from './context';
import { IDENTITY_TOKEN } from './identity';

const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** Whether a request carries no credentials at all. */
export const anonymous = (context: RouterContext) => !context.identity && !context.providerAuthorization;

const unauthenticated = (message: string) => new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } } });

/** Reads the Authorization header: a provider JWT, an anonymous identity, or nothing. */
export function readCredentials(header: string | undefined): RouterContext {
  if (!header) return {};
  const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  if (!token) throw unauthenticated('The Authorization header must be "Bearer <token>".');
  if (JWT.test(token)) return { providerAuthorization: `Bearer ${token}` };
  if (IDENTITY_TOKEN.test(token)) return { identity: token };
  throw unauthenticated(
    'The bearer token is neither an identity token (43 or more base64url characters; POST /identity makes one) nor a provider token (a JWT).',
  );
}
