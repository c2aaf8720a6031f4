import type { Span } from '@opentelemetry/api';

/** What the router hands each subgraph fetch from the client's request. */
export interface RouterContext {
  /** A provider's signed token (a JWT), passed on for the subgraphs to verify. */
  providerAuthorization?: string;
  /** The organisation a valid provider token names; null when it does not verify here. */
  providerOrganisation?: string | null;
  /** The person's anonymous identity token: it never leaves the router. */
  identity?: string;
  /** The request's trace span, when tracing is on. */
  span?: Span;
  /** When the request's time runs out (epoch milliseconds); subgraph calls get only what is left. */
  deadline?: number;
}
