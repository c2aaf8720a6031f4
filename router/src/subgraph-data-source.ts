import { AsyncLocalStorage } from 'node:async_hooks';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { PSEUDONYM_HEADER } from '@aurora/service-kit';
import { keepsPersonalData, NETWORK_OWNER, type NetworkRules } from '@aurora/supergraph';
import type { RouterContext } from './context';
import type { PseudonymDeriver } from './identity';
import { DEADLINE_HEADER } from './subgraph-fetch';
import type { FetchSpan, RouterTracing } from './tracing';

/** What the router may send a subgraph, by the network's rules and who publishes the subgraph. */
export interface SubgraphTrust {
  /** Whether the subgraph keeps personal data and so receives the person's pseudonym. */
  personalData: boolean;
  /** Whether a provider token of this organisation may reach the subgraph. */
  acceptsProviderToken(organisation: string | null | undefined): boolean;
}

/**
 * A subgraph gets the person's pseudonym (its own, pairwise) only when the network registers it
 * as keeping personal data; any other subgraph sees an anonymous request. A provider's token
 * reaches only the subgraphs of the provider's own organisation and the network subgraphs that
 * verify provider tokens themselves; it is never passed to a third party, which could replay it.
 */
export function subgraphTrust(rules: NetworkRules, subgraph: string, ownerOf: (subgraph: string) => string | undefined): SubgraphTrust {
  const verifiesTokens = rules.providerTokenSubgraphs.includes(subgraph) && ownerOf(subgraph) === NETWORK_OWNER;
  return {
    personalData: keepsPersonalData(rules, subgraph) && ownerOf(subgraph) === NETWORK_OWNER,
    acceptsProviderToken: (organisation) => verifiesTokens || (!!organisation && ownerOf(subgraph) === organisation),
  };
}

/**
 * Each subgraph gets what its trust allows: its own pseudonym for the person, a provider's JWT;
 * the identity token itself and any other header from the client stay at the router.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<RouterContext> {
  /** The fetch span of the call in progress, for willSendRequest to pass on in the trace headers. */
  private readonly fetchSpan = new AsyncLocalStorage<FetchSpan>();

  constructor(
    config: ConstructorParameters<typeof RemoteGraphQLDataSource<RouterContext>>[0],
    private readonly subgraph: string,
    private readonly deriver: PseudonymDeriver,
    private readonly tracing: RouterTracing,
    private readonly trust: () => SubgraphTrust,
  ) {
    super(config);
  }

  /** One subgraph call, inside its own span when the request is traced: the span ends when the call does. */
  override async process(options: GraphQLDataSourceProcessOptions<RouterContext>): ReturnType<RemoteGraphQLDataSource<RouterContext>['process']> {
    // A client's operation (not a health check or a schema load) carries the router's context and its span.
    const span = 'incomingRequestContext' in options ? this.tracing.startFetch(options.context.span, this.subgraph) : null;
    if (!span) return super.process(options);
    let ok = false;
    try {
      const response = await this.fetchSpan.run(span, () => super.process(options));
      ok = response.errors === undefined;
      return response;
    } finally {
      span.end(ok);
    }
  }

  override willSendRequest({ request, context }: Parameters<NonNullable<RemoteGraphQLDataSource<RouterContext>['willSendRequest']>>[0]) {
    const trust = this.trust();
    if (context.providerAuthorization && trust.acceptsProviderToken(context.providerOrganisation))
      request.http?.headers.set('authorization', context.providerAuthorization);
    if (context.identity && trust.personalData) request.http?.headers.set(PSEUDONYM_HEADER, this.deriver.derive(context.identity, this.subgraph));
    if (context.deadline) request.http?.headers.set(DEADLINE_HEADER, String(context.deadline));
    const span = this.fetchSpan.getStore();
    if (span && request.http) for (const [name, value] of Object.entries(span.headers)) request.http.headers.set(name, value);
  }
}
