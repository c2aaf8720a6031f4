import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createEmbeddedStore } from '@aurora/store';
import { createLogger, ensureDevelopmentSigningKey, mintProviderToken, type RunningServer } from '@aurora/subgraph-kit';
import { createServiceDirectory } from '../index';

const ISSUER = 'aurora-test';
const AUDIENCE = 'aurora-network';
let server: RunningServer;
let privateKeyFile: string;
let orgA: string;
let orgB: string;

async function gql(text: string, variables: Record<string, unknown> = {}, token?: string): Promise<any> {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: text, variables }),
  });
  return response.json();
}

const token = (organisation: string, scopes = ['services:write'], expiresIn = '5m') =>
  mintProviderToken({ privateKeyFile, issuer: ISSUER, audience: AUDIENCE, subject: 'editor-1', organisation, scopes, expiresIn });

beforeAll(async () => {
  const keys = await ensureDevelopmentSigningKey(fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-keys-')));
  privateKeyFile = keys.privateKeyFile;
  const directory = await createServiceDirectory({
    store: createEmbeddedStore(),
    logger: createLogger('publishing-test', 'silent'),
    auth: { issuer: ISSUER, audience: AUDIENCE, publicKeyFile: keys.publicKeyFile },
  });
  server = await directory.listen(0);
  const { data } = await gql(
    '{ a: services(filter: { lifeEvents: ["KE4.1"] }, first: 1) { edges { node { provider { id } } } } b: services(filter: { text: "verokortti" }, first: 1) { edges { node { provider { id name } } } } }',
  );
  orgA = data.a.edges[0].node.provider.id;
  orgB = data.b.edges[0].node.provider.id;
  expect(orgA).not.toBe(orgB);
});

afterAll(() => server.close());

const PUBLISH = 'mutation($input: ServiceInput!) { publishService(input: $input) { id name(language: EN) status provider { id } areas { code } } }';
const UPDATE = 'mutation($id: ID!, $input: ServiceUpdateInput!) { updateService(id: $id, input: $input) { id name summary modified channels { __typename } } }';
const newService = {
  name: { fi: 'Nuorten talousneuvonta', en: 'Money advice for young people' },
  summary: { fi: 'Apua nuorille raha-asioissa ja velkojen kanssa.' },
  areaType: 'MUNICIPALITIES',
  areas: ['491'],
  lifeEvents: ['KE9'],
  languages: ['FI', 'EN'],
};

describe('providers publish their own services', () => {
  it('refuses without a token, with a bad one, without the scope, and for an unknown organisation', async () => {
    const none = await gql(PUBLISH, { input: newService });
    expect(none.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(none.errors[0].message).toContain('Authorization: Bearer');
    const forged = await gql(PUBLISH, { input: newService }, `${await token(orgA)}x`);
    expect(forged.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const expired = await gql(PUBLISH, { input: newService }, await token(orgA, ['services:write'], '-1m'));
    expect(expired.errors[0].message).toBe('The provider token has expired; get a new one.');
    const readOnly = await gql(PUBLISH, { input: newService }, await token(orgA, ['services:read']));
    expect(readOnly.errors[0]).toMatchObject({ message: 'The provider token lacks the scope "services:write".', extensions: { code: 'FORBIDDEN' } });
    const stranger = await gql(PUBLISH, { input: newService }, await token('no-such-organisation'));
    expect(stranger.errors[0].extensions.code).toBe('FORBIDDEN');
    const { data } = await gql('{ services(filter: { text: "talousneuvonta nuorille" }) { edges { node { name } } } }');
    expect(data.services.edges.map((edge: any) => edge.node.name)).not.toContain('Nuorten talousneuvonta');
  });

  it('publishes, finds, updates and archives a service of its own organisation', async () => {
    const published = await gql(PUBLISH, { input: newService }, await token(orgA));
    expect(published.errors).toBeUndefined();
    const service = published.data.publishService;
    expect(service).toMatchObject({ name: 'Money advice for young people', status: 'ACTIVE', provider: { id: orgA }, areas: [{ code: '491' }] });

    const found = await gql('{ services(filter: { text: "nuorten talousneuvonta", municipalities: ["491"] }, first: 5) { edges { node { id } } } }');
    expect(found.data.services.edges.map((edge: any) => edge.node.id)).toContain(service.id);
    const elsewhere = await gql('{ services(filter: { text: "talousneuvonta", municipalities: ["564"] }, first: 50) { edges { node { id } } } }');
    expect(elsewhere.data.services.edges.map((edge: any) => edge.node.id)).not.toContain(service.id);

    const updated = await gql(UPDATE, { id: service.id, input: { summary: { fi: 'Maksutonta neuvontaa 15–29-vuotiaille.' } } }, await token(orgA));
    expect(updated.data.updateService).toMatchObject({ name: 'Nuorten talousneuvonta', summary: 'Maksutonta neuvontaa 15–29-vuotiaille.' });

    const byOther = await gql(UPDATE, { id: service.id, input: { name: { fi: 'Kaapattu' } } }, await token(orgB));
    expect(byOther.errors[0].extensions.code).toBe('FORBIDDEN');
    const catalogueService = await gql(UPDATE, { id: 'ad75fe5d-cce3-4961-b764-4a93b98567ff', input: { name: { fi: 'x' } } }, await token(orgA));
    expect(catalogueService.errors[0].extensions.code).toBe('FORBIDDEN');

    const archived = await gql('mutation($id: ID!) { archiveService(id: $id) { status } }', { id: service.id }, await token(orgA));
    expect(archived.data.archiveService.status).toBe('ARCHIVED');
    const afterArchive = await gql(
      'query($id: ID!) { service(id: $id) { status name } services(filter: { text: "talousneuvonta" }, first: 50) { edges { node { id } } } }',
      { id: service.id },
    );
    expect(afterArchive.data.service).toEqual({ status: 'ARCHIVED', name: 'Nuorten talousneuvonta' });
    expect(afterArchive.data.services.edges.map((edge: any) => edge.node.id)).not.toContain(service.id);
    const listed = await gql('query($org: ID!) { services(filter: { organisations: [$org], includeArchived: true }, first: 100) { edges { node { id } } } }', {
      org: orgA,
    });
    expect(listed.data.services.edges.map((edge: any) => edge.node.id)).toContain(service.id);
  });

  it.each([
    [{ ...newService, name: { fi: '  ' } }, 'input.name', 'input.name needs a text in at least one of fi, sv, en.'],
    [{ ...newService, areas: ['491', '999'] }, 'input.areas[1]', 'input.areas[1]: "999" is not a known code; the query of the same name lists them.'],
    [{ ...newService, areas: [] }, 'input.areas', 'input.areas must list at least one municipality when areaType is MUNICIPALITIES.'],
    [{ ...newService, lifeEvents: ['KE99'] }, 'input.lifeEvents[0]', 'input.lifeEvents[0]: "KE99" is not a known code; the query of the same name lists them.'],
    [{ ...newService, summary: { fi: 'x'.repeat(501) } }, 'input.summary.fi', 'input.summary.fi is 501 characters; at most 500 are allowed.'],
  ])('refuses invalid input and names the field (%#)', async (input, field, message) => {
    const body = await gql(PUBLISH, { input }, await token(orgA));
    expect(body.errors[0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT', argument: field } });
    expect(body.data).toBeNull();
  });

  it('publishes a place to visit, and archiving it takes it off the service', async () => {
    const channel = await gql(
      `mutation($input: ServiceChannelInput!) { publishServiceChannel(input: $input) { id __typename ... on ServiceLocationChannel { visitingAddresses { street municipality { code } } serviceHours { type days opens closes validFrom isClosed } } } }`,
      {
        input: {
          kind: 'SERVICE_LOCATION',
          name: { fi: 'Nuorten talousneuvonnan toimipiste' },
          visitingAddresses: [{ street: 'Maaherrankatu 9', postalCode: '50100', postOffice: 'Mikkeli', municipality: '491' }],
          serviceHours: [
            { days: [1, 2, 3, 4, 5], opens: '09:00', closes: '15:00' },
            { type: 'EXCEPTIONAL', days: [], validFrom: '2026-12-24', validTo: '2026-12-26', isClosed: true, info: 'Suljettu jouluna' },
          ],
        },
      },
      await token(orgA),
    );
    expect(channel.errors).toBeUndefined();
    const location = channel.data.publishServiceChannel;
    expect(location.serviceHours[1]).toEqual({ type: 'EXCEPTIONAL', days: [], opens: null, closes: null, validFrom: '2026-12-24', isClosed: true });
    const service = (await gql(PUBLISH, { input: { ...newService, name: { fi: 'Nuorten raha-asiat' }, channels: [location.id] } }, await token(orgA))).data
      .publishService;

    const visitable = () =>
      gql('{ services(filter: { channelKinds: [SERVICE_LOCATION], text: "nuorten raha-asiat" }, first: 5) { edges { node { id channels { __typename } } } } }');
    expect((await visitable()).data.services.edges.map((edge: any) => edge.node.id)).toContain(service.id);

    const foreign = await gql(UPDATE, { id: service.id, input: { channels: ['be033dbc-124f-52dc-b474-7f8d8cca2f84'] } }, await token(orgA));
    expect(foreign.errors[0].extensions.code).toBe('FORBIDDEN');

    await gql('mutation($id: ID!) { archiveServiceChannel(id: $id) { status } }', { id: location.id }, await token(orgA));
    const after = await gql('query($id: ID!) { service(id: $id) { channels { __typename } } }', { id: service.id });
    expect(after.data.service.channels).toEqual([]);
    expect((await visitable()).data.services.edges.map((edge: any) => edge.node.id)).not.toContain(service.id);
  });

  it('finds a service published a moment ago by everyday words, as it finds the bundled ones', async () => {
    const everyday = () => gql('{ services(filter: { text: "rahahuolet", municipalities: ["491"] }, first: 50) { edges { node { id } } } }');
    const before = (await everyday()).data.services.edges.map((edge: any) => edge.node.id);
    expect(before.length).toBeGreaterThan(0);
    // "rahahuolet" brings in the catalogue's "talous- ja velkaneuvonta": a new service of that name is found at once.
    const published = (
      await gql(
        PUBLISH,
        { input: { ...newService, name: { fi: 'Talous- ja velkaneuvonta Ristiinassa' }, summary: { fi: 'Neuvontaa kuntalaisille.' } } },
        await token(orgA),
      )
    ).data.publishService;
    const after = (await everyday()).data.services.edges.map((edge: any) => edge.node.id);
    expect(before).not.toContain(published.id);
    expect(after).toContain(published.id);
  });

  it('checks channel input by kind', async () => {
    const body = await gql(
      'mutation($input: ServiceChannelInput!) { publishServiceChannel(input: $input) { id } }',
      { input: { kind: 'WEB_PAGE', name: { fi: 'Sivu' }, url: 'ftp://x' } },
      await token(orgA),
    );
    expect(body.errors[0]).toMatchObject({ message: 'input.url must be an http(s) address.', extensions: { code: 'BAD_USER_INPUT' } });
    const hours = await gql(
      'mutation($input: ServiceChannelInput!) { publishServiceChannel(input: $input) { id } }',
      { input: { kind: 'PHONE', name: { fi: 'Puhelin' }, phoneNumbers: [{ number: '015 194 1' }], serviceHours: [{ days: [8], opens: '25:00' }] } },
      await token(orgA),
    );
    expect(hours.errors[0].message).toBe('input.serviceHours[0].days must be weekdays 1 (Monday) to 7 (Sunday).');
  });
});

describe('modifiedSince: how other services follow the catalogue', () => {
  const CHANGED =
    'query($since: String!) { services(filter: { modifiedSince: $since, includeArchived: true }, first: 100) { totalCount edges { node { id status modified } } } }';

  it('lists only services changed at or after the time, archived ones included', async () => {
    const before = await gql(CHANGED, { since: new Date(Date.now() + 1000).toISOString() });
    expect(before.data.services.totalCount).toBe(0);
    const since = new Date().toISOString();
    const published = await gql(PUBLISH, { input: { ...newService, name: { fi: 'Muutosseurannan testipalvelu' } } }, await token(orgA));
    const id = published.data.publishService.id;
    await gql('mutation($id: ID!) { archiveService(id: $id) { id } }', { id }, await token(orgA));
    const changed = await gql(CHANGED, { since });
    expect(changed.data.services.edges.map((edge: any) => edge.node)).toEqual([expect.objectContaining({ id, status: 'ARCHIVED' })]);
    expect(changed.data.services.edges[0].node.modified >= since).toBe(true);
    // The whole catalogue is older than that.
    const all = await gql('{ services(first: 0) { totalCount } }');
    expect(all.data.services.totalCount).toBeGreaterThan(1800);
  });

  it('refuses a time that is not ISO 8601, naming the field', async () => {
    const result = await gql(CHANGED, { since: 'yesterday' });
    expect(result.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(result.errors[0].message).toContain('filter.modifiedSince must be an ISO 8601 time');
  });
});
