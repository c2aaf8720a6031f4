import { startTestNetwork, type TestNetwork } from '../e2e/network';
import { ROGUE_SDL, startRogueSubgraph, type RogueRequest } from '../e2e/rogue-subgraph';

/**
 * A hostile organisation joins the running network through the registry, as any provider does,
 * and tries each way of taking what is not its own. Every schema attack is refused; what it may
 * publish (a field of its own on Service) receives nothing personal and no reusable credential.
 */
let network: TestNetwork;
let rogue: Awaited<ReturnType<typeof startRogueSubgraph>>;
let evilToken: string;

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function publish(name: string, url: string, sdl: string, token: string) {
  const response = await fetch(`${network.registryUrl}/subgraphs/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...bearer(token) },
    body: JSON.stringify({ url, sdl }),
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      code?: string;
      errors?: { rule: string; coordinate: string; message: string; fix: string }[] | string[];
      version?: number;
    },
  };
}

async function newIdentity(): Promise<string> {
  const response = await fetch(network.routerUrl.replace('/graphql', '/identity'), { method: 'POST' });
  return ((await response.json()) as { token: string }).token;
}

const rules = (body: Awaited<ReturnType<typeof publish>>['body']) =>
  (body.errors as { rule: string; coordinate: string }[]).map((error) => `${error.rule} ${error.coordinate}`);

beforeAll(async () => {
  network = await startTestNetwork({ withRegistry: { pollMs: 200 } });
  rogue = await startRogueSubgraph();
  evilToken = await network.providerToken('evil-org', ['subgraphs:publish', 'services:write']);
}, 60_000);

afterAll(async () => {
  await network.close();
  await rogue.close();
});

describe('a hostile organisation that joins', () => {
  it("cannot publish a field that reads every person's profile", async () => {
    const snoop = `type Me @key(fields: "handle") { handle: ID! attributes: Attributes! @external "Snoop." snoop: String @requires(fields: "attributes { age municipality }") }
      type Attributes @external { age: Int municipality: String }`;
    const refused = await publish('evil-snoop', rogue.url, snoop, evilToken);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('SCHEMA_CHECK_FAILED');
    expect(rules(refused.body)).toEqual(
      expect.arrayContaining(['personal-data/me Me', 'ownership/external Attributes.age', 'ownership/external Attributes.municipality']),
    );
  });

  it("cannot take over the profile's writes, read the recommendation purpose, or add to Me", async () => {
    const override = await publish(
      'evil-writes',
      rogue.url,
      `"W." type Mutation { "Taken." updateMyAttributes(input: AttributesInput!): Me! @override(from: "profile") }
      type Me @key(fields: "handle") { handle: ID! }
      input AttributesInput { age: Int municipality: String lifeEvents: [String!] language: Language wellbeing: WellbeingInput interests: [String!] }
      enum Language { FI SV EN }
      input WellbeingInput { family: Int finance: Int friends: Int health: Int housing: Int improvementOfStrengths: Int lifeSatisfaction: Int resilience: Int selfEsteem: Int workingStudying: Int }`,
      evilToken,
    );
    expect(override.status).toBe(422);
    expect(rules(override.body)).toEqual(expect.arrayContaining(['ownership/override Mutation.updateMyAttributes', 'personal-data/me Me']));

    const purpose = await publish(
      'evil-purpose',
      rogue.url,
      `type Me @key(fields: "handle") { handle: ID! recommendationAttributes: SharedAttributes! @external "Mine." mine: String @requires(fields: "recommendationAttributes { age }") }
      type SharedAttributes @external { age: Int }`,
      evilToken,
    );
    expect(purpose.status).toBe(422);
    expect(rules(purpose.body)).toContain('personal-data/me Me');

    const colour = await publish(
      'evil-colour',
      rogue.url,
      '"The person." type Me @key(fields: "handle") { "Handle." handle: ID! "A colour." favouriteColour: String }',
      evilToken,
    );
    expect(colour.status).toBe(422);
    expect(rules(colour.body)).toEqual(['personal-data/me Me']);
  });

  it("cannot take a network subgraph's name", async () => {
    for (const name of ['profile', 'kela']) {
      const taken = await publish(name, rogue.url, ROGUE_SDL, evilToken);
      expect(taken).toEqual({ status: 403, body: { code: 'FORBIDDEN', errors: [`Subgraph ${name} belongs to another organisation.`] } });
    }
  });

  it('may add a field of its own, and then receives no pseudonym, no provider token and no personal-data call', async () => {
    const joined = await publish('evil-queues', rogue.url, ROGUE_SDL, evilToken);
    expect(joined.status).toBe(201);
    const { data } = await network.query('{ services(filter: { municipalities: ["491"] }, first: 1) { edges { node { id } } } }');
    const serviceId = data.services.edges[0].node.id as string;
    let answer: any;
    for (let attempt = 0; attempt < 50; attempt += 1) {
      answer = await network.query('query($id: ID!) { service(id: $id) { name queueLength } }', { id: serviceId });
      if (answer.data?.service?.queueLength === 7) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(answer.data.service.queueLength).toBe(7);

    // A person, signed in, with attributes and consents, asks something that reaches the rogue.
    const person = await newIdentity();
    await network.query(
      'mutation { updateMyAttributes(input: { age: 41, municipality: "491", interests: ["beekeeping-3e9b"] }) { handle } }',
      {},
      bearer(person),
    );
    await network.query('mutation { grantConsent(purpose: RECOMMENDATION, attributes: [AGE, MUNICIPALITY, INTERESTS]) { handle } }', {}, bearer(person));
    network.reset();
    rogue.received.length = 0;
    const asked = await network.query(
      'query($id: ID!) { me { attributes { interests } } service(id: $id) { queueLength } }',
      { id: serviceId },
      bearer(person),
    );
    expect(asked.data).toEqual({ me: { attributes: { interests: ['beekeeping-3e9b'] } }, service: { queueLength: 7 } });
    // A provider of another organisation, with a token the directory accepts, asks the same.
    const providerToken = await network.providerToken('city-of-mikkeli', ['services:write']);
    await network.query('query($id: ID!) { service(id: $id) { name queueLength } }', { id: serviceId }, bearer(providerToken));
    // The person exports and deletes; the router calls only the network's personal-data subgraphs.
    const deleted = await network.query('mutation { deleteMyData { complete parts { subgraph } } }', {}, bearer(person));
    expect(deleted.data.deleteMyData.parts.map((part: { subgraph: string }) => part.subgraph)).toEqual([
      'chatbot',
      'how-am-i-doing',
      'mikkeli',
      'profile',
      'recommendation',
    ]);

    const graphqlRequests = rogue.received.filter((request: RogueRequest) => request.url.startsWith('/graphql'));
    expect(graphqlRequests.length).toBe(2); // the person's query and the provider's
    const pseudonym = network.traffic.profile.headers.map((headers) => headers['x-aurora-pseudonym']).find(Boolean) as string;
    expect(pseudonym).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const everything = JSON.stringify(rogue.received);
    for (const secret of [person, pseudonym, providerToken, evilToken, 'beekeeping-3e9b']) expect(everything).not.toContain(secret);
    for (const request of rogue.received) {
      expect(request.headers.authorization).toBeUndefined();
      expect(request.headers['x-aurora-pseudonym']).toBeUndefined();
      expect(request.url).not.toContain('_personal-data');
    }
    // What the rogue got is what any anonymous client may see: a public service id, asked for by key.
    const representations = graphqlRequests.map((request) => JSON.parse(request.body).variables.representations);
    expect(representations).toEqual([[{ __typename: 'Service', id: serviceId }], [{ __typename: 'Service', id: serviceId }]]);
    // The provider's token still reached the directory, which needs it.
    expect(network.traffic['service-directory'].authorizations).toContain(`Bearer ${providerToken}`);
    // eslint-disable-next-line no-console
    console.info(
      `what the rogue subgraph received: ${rogue.received.map((request) => `${request.method} ${request.url} [${Object.keys(request.headers).sort().join(', ')}] ${request.body.slice(0, 160)}`).join(' | ')}`,
    );
  });
});
