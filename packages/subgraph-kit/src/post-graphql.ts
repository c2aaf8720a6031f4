/**
 * Sends one GraphQL request over HTTP and returns the parsed response body, whatever the status.
 * Tests and scripts use it against subgraphs and the router alike.
 */
// The body is whatever the server answered; callers assert on its shape.
export async function postGraphQL(url: string, query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return response.json();
}
