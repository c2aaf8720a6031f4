import type { AnimalData } from './subgraph';

async function call(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): Promise<{ data?: Record<string, unknown>; errors?: { message: string }[] }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Record<string, unknown>; errors?: { message: string }[] };
}

/**
 * Publishes the association's services to the service directory through the network, with its
 * provider token: those already there (by Finnish name) are left alone, so running it again adds
 * nothing. Returns the names it published.
 */
export async function publishServices(routerUrl: string, token: string, data: AnimalData): Promise<string[]> {
  const existing = await call(
    routerUrl,
    'query($org: ID!) { services(filter: { organisations: [$org] }, first: 100) { edges { node { name(language: FI) } } } }',
    { org: data.organisationId },
  );
  if (existing.errors) throw new Error(existing.errors.map((error) => error.message).join('; '));
  const listed = existing.data?.services as { edges: { node: { name: string } }[] } | undefined;
  const names = new Set((listed?.edges ?? []).map((edge) => edge.node.name));
  const published: string[] = [];
  for (const service of data.services) {
    if (names.has(service.name.fi as string)) continue;
    const result = await call(
      routerUrl,
      'mutation($input: ServiceInput!) { publishService(input: $input) { id } }',
      { input: { name: service.name, summary: service.summary, areaType: 'MUNICIPALITIES', areas: ['491'], languages: ['FI'], serviceClasses: [] } },
      token,
    );
    if (result.errors) throw new Error(result.errors.map((error) => error.message).join('; '));
    published.push(service.name.fi as string);
  }
  return published;
}

/**
 * Offers the association's actions on its own services in the directory, with its provider
 * token: an action already there (same Finnish title on the same service) is kept, so running it
 * again adds nothing. Returns the ids of all of them, published now or before.
 */
export async function publishActions(routerUrl: string, token: string, data: AnimalData): Promise<string[]> {
  const existing = await call(
    routerUrl,
    'query($org: ID!) { services(filter: { organisations: [$org] }, first: 100) { edges { node { id name(language: FI) actions { id kind title(language: FI) provider { id } } } } } }',
    { org: data.organisationId },
  );
  if (existing.errors) throw new Error(existing.errors.map((error) => error.message).join('; '));
  type Listed = { id: string; name: string; actions: { id: string; kind: string; title: string | null; provider: { id: string } | null }[] };
  const services = ((existing.data?.services as { edges: { node: Listed }[] } | undefined)?.edges ?? []).map((edge) => edge.node);
  const ids: string[] = [];
  for (const offered of data.actions) {
    const service = services.find((candidate) => candidate.name === offered.service);
    if (!service) throw new Error(`The service "${offered.service}" is not in the directory; publish the services first.`);
    const mine = service.actions.find(
      (candidate) => candidate.kind === 'OTHER' && candidate.provider?.id === data.organisationId && candidate.title === offered.title.fi,
    );
    if (mine) {
      ids.push(mine.id);
      continue;
    }
    const result = await call(
      routerUrl,
      'mutation($input: ServiceActionInput!) { publishServiceAction(input: $input) { id } }',
      { input: { service: service.id, title: offered.title, description: offered.description } },
      token,
    );
    if (result.errors) throw new Error(result.errors.map((error) => error.message).join('; '));
    const action = result.data?.publishServiceAction as { id: string } | undefined;
    if (!action) throw new Error('The directory did not say which action it published.');
    ids.push(action.id);
  }
  return ids;
}
