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
