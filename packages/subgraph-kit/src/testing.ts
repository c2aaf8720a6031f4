/**
 * Helpers for tests and scripts, kept out of the kit's public entry: `@aurora/subgraph-kit/testing`.
 */

/**
 * Sends one GraphQL request over HTTP and returns the parsed response body, whatever the status.
 * Tests and scripts use it against subgraphs and the router alike, and assert on the body's shape.
 */
// biome-ignore lint/suspicious/noExplicitAny: the body is whatever the server answered; each test reads the fields it asserts on
export async function postGraphQL(url: string, query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return response.json();
}
