import { NETWORK_OWNER, NETWORK_RULES } from '@aurora/supergraph';
import { subgraphTrust } from '../subgraph-data-source';

const owners: Record<string, string> = {
  profile: NETWORK_OWNER,
  'service-directory': NETWORK_OWNER,
  kela: NETWORK_OWNER,
  'queue-co': 'queue-co',
  recommendation: 'evil-org',
};
const trust = (subgraph: string) => subgraphTrust(NETWORK_RULES, subgraph, (name) => owners[name]);

describe('what the router lets reach a subgraph', () => {
  it("gives pseudonyms only to the network's own personal-data subgraphs", () => {
    expect(trust('profile').personalData).toBe(true);
    expect(trust('kela').personalData).toBe(false);
    expect(trust('queue-co').personalData).toBe(false);
    // A personal-data name published by someone else (or unknown to the registry) is trusted with nothing.
    expect(trust('recommendation').personalData).toBe(false);
    expect(trust('unknown').personalData).toBe(false);
  });

  it("passes a provider token only to its own organisation's subgraphs and the network subgraphs that verify tokens", () => {
    expect(trust('service-directory').acceptsProviderToken('queue-co')).toBe(true);
    expect(trust('queue-co').acceptsProviderToken('queue-co')).toBe(true);
    expect(trust('queue-co').acceptsProviderToken('city-of-mikkeli')).toBe(false);
    expect(trust('kela').acceptsProviderToken('city-of-mikkeli')).toBe(false);
    expect(trust('queue-co').acceptsProviderToken(null)).toBe(false); // a token that does not verify names no one
    expect(trust('unknown').acceptsProviderToken(undefined)).toBe(false);
  });
});
