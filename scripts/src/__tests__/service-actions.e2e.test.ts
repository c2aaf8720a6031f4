import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { createAnimalWelfareSubgraph, publishActions, publishServices, readData, typeDefs } from '@aurora/animal-welfare';
import { filesHolding as filesOnDisk } from '../e2e/files';
import { startTestNetwork, type TestNetwork } from '../e2e/network';

/**
 * The action contract end to end: one query through the router gives, for a service of each
 * organisation, what a person can do with it, from every subgraph that carries it. Booking at the
 * City of Mikkeli (concurrent bookings, export, cancel, deletion), eligibility at Kela (with and
 * without consent, nothing kept), and a third organisation that joins at run time and adds an
 * action without any other subgraph changing.
 */
let network: TestNetwork;
let dataDir: string;

// Real services of the catalogue: the city's building-permit service (given at the building-control
// office, which takes bookings), and Kela's service for the unemployed (basic unemployment allowance).
const MIKKELI_SERVICE = '3c839118-e3b7-5d7c-9f3e-de9ab00f2da4';
const BUILDING_CONTROL = 'be033dbc-124f-52dc-b474-7f8d8cca2f84';
const BOOKING = `book:${MIKKELI_SERVICE}:${BUILDING_CONTROL}`;
const KELA_SERVICE = '8c6e25e9-e186-49fd-852c-f6f168d1351f';
const CHECK = `eligibility:${KELA_SERVICE}:kela-basic-unemployment-allowance`;

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const dateOf = (daysAhead: number) => new Date(Date.now() + daysAhead * 86_400_000).toISOString().slice(0, 10);

async function newIdentity(): Promise<string> {
  const response = await fetch(network.routerUrl.replace('/graphql', '/identity'), { method: 'POST' });
  return ((await response.json()) as { token: string }).token;
}

async function ask(query: string, variables: Record<string, unknown> = {}, token?: string) {
  const result = await network.query(query, variables, token ? bearer(token) : {});
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

/** The first error's code and reason, for the cases that must fail. */
async function failure(query: string, variables: Record<string, unknown> = {}, token?: string) {
  const result = await network.query(query, variables, token ? bearer(token) : {});
  const error = result.errors?.[0];
  return { code: error?.extensions?.code, reason: error?.extensions?.reason, message: error?.message as string, data: result.data };
}

const filesHolding = (strings: string[]) => filesOnDisk(dataDir, strings);

const FREE_TIMES =
  'query($id: ID!, $from: String!, $to: String!) { serviceAction(id: $id) { ... on AppointmentBooking { freeTimes(from: $from, to: $to) { start end } } } }';
const BOOK =
  'mutation($action: ID!, $start: String!) { bookAppointment(action: $action, start: $start) { id start end status action { id title location { name } service { name } } } }';
const CANCEL = 'mutation($id: ID!) { cancelAppointment(id: $id) { id status } }';

async function freeTimes(from = dateOf(0), to = dateOf(20)): Promise<{ start: string; end: string }[]> {
  return (await ask(FREE_TIMES, { id: BOOKING, from, to })).serviceAction.freeTimes;
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-actions-'));
  network = await startTestNetwork({ dataDir, withRegistry: { pollMs: 300 } });
}, 120_000);

afterAll(async () => {
  await network.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('one query, every organisation that carries an action', () => {
  it('answers the actions of a Mikkeli, a Kela and a joining association service, and counts the fetches to each subgraph', async () => {
    // The association joins at run time: its subgraph is published to the registry, its service
    // and its action to the directory, each with its own provider token. No other subgraph changes.
    const association = readData();
    const ownActions = new Set<string>();
    const subgraph = await createAnimalWelfareSubgraph(association, ownActions).listen(0);
    // Count what reaches the association's subgraph through a pass-through in front of it.
    let associationRequests = 0;
    const counter = http.createServer((request, response) => {
      associationRequests += 1;
      const forward = http.request(subgraph.url, { method: request.method, headers: request.headers }, (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      });
      request.pipe(forward);
    });
    await new Promise<void>((resolve) => counter.listen(0, '127.0.0.1', resolve));
    const counterUrl = `http://127.0.0.1:${(counter.address() as AddressInfo).port}/graphql`;
    try {
      const token = await network.providerToken(association.organisationId, ['subgraphs:publish', 'services:write']);
      const published = await fetch(`${network.registryUrl}/subgraphs/animal-welfare`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ url: counterUrl, sdl: typeDefs }),
      });
      expect(published.status).toBe(201);
      await publishServices(network.routerUrl, token, association);
      for (const id of await publishActions(network.routerUrl, token, association)) ownActions.add(id);
      expect(ownActions.size).toBe(1);
      const [meetTheAnimals] = [...ownActions] as [string];
      const associationService = meetTheAnimals.split(':')[1] as string;
      // Publishing again adds nothing.
      expect(await publishActions(network.routerUrl, token, association)).toEqual([meetTheAnimals]);

      const QUERY = `query($mikkeli: ID!, $kela: ID!, $association: ID!, $from: String!, $to: String!) {
        mikkeli: service(id: $mikkeli) { ...Actions }
        kela: service(id: $kela) { ...Actions }
        association: service(id: $association) { ...Actions }
      }
      fragment Actions on Service {
        name
        nextStep { kind }
        actions {
          __typename id kind label(language: EN) title(language: FI) exampleData provider { name }
          animalsToMeet { name }
          ... on AppointmentBooking { location { id } freeTimes(from: $from, to: $to) { start } }
          ... on EligibilityCheck { benefit { name(language: EN) } }
          ... on ContactOption { method }
          ... on OtherAction { description(language: EN) url }
        }
      }`;
      const variables = { mikkeli: MIKKELI_SERVICE, kela: KELA_SERVICE, association: associationService, from: dateOf(1), to: dateOf(14) };
      let answer: any = null;
      // The router takes up the new supergraph within a poll or two.
      for (const started = Date.now(); Date.now() - started < 10_000; await new Promise((resolve) => setTimeout(resolve, 200))) {
        answer = await network.query(QUERY, variables);
        if (!answer.errors) break;
      }
      network.reset();
      associationRequests = 0;
      answer = await network.query(QUERY, variables);
      expect(answer.errors).toBeUndefined();
      const { mikkeli, kela, association: theirs } = answer.data;

      // Mikkeli: booking at its two places that take bookings, from the city's calendar; the rest from the catalogue.
      const bookings = mikkeli.actions.filter((action: any) => action.kind === 'BOOK_APPOINTMENT');
      expect(bookings.map((action: any) => action.id).sort()).toEqual([`book:${MIKKELI_SERVICE}:42408347-7529-5f4a-9a4f-1a8c631ae52e`, BOOKING].sort());
      for (const booking of bookings) {
        expect(booking).toMatchObject({
          __typename: 'AppointmentBooking',
          label: 'Book a time',
          exampleData: true,
          provider: { name: 'Mikkelin kaupunki' },
          animalsToMeet: null,
        });
        expect(booking.freeTimes.length).toBeGreaterThan(5);
      }
      expect(mikkeli.nextStep).toEqual({ kind: 'BOOK_APPOINTMENT' });
      expect(mikkeli.actions.filter((action: any) => action.kind === 'CONTACT').map((action: any) => action.method)).toContain('VISIT');

      // Kela: the eligibility check, its benefit named by Kela.
      expect(kela.actions).toEqual([
        {
          __typename: 'EligibilityCheck',
          id: CHECK,
          kind: 'CHECK_ELIGIBILITY',
          label: 'Check if you qualify',
          title: 'Peruspäiväraha',
          exampleData: true,
          provider: null,
          animalsToMeet: null,
          benefit: { name: 'Basic unemployment allowance' },
        },
      ]);

      // The association: its own action, with the animals its subgraph adds through @interfaceObject.
      expect(theirs.actions).toEqual([
        {
          __typename: 'OtherAction',
          id: meetTheAnimals,
          kind: 'OTHER',
          label: 'Meet the animals',
          title: 'Tapaa eläimiä',
          exampleData: false,
          provider: { name: 'Mikkelin eläinsuojeluyhdistys ry' },
          animalsToMeet: [{ name: 'Nappi' }, { name: 'Pupu' }, { name: 'Viiru' }],
          description: "Come and meet the animals looking for a home at the association's premises. Call first to agree on a time.",
          url: null,
        },
      ]);

      // One fetch to each subgraph that carries part of the answer, and none to the others. The
      // directory answers all three root fields in one request; Mikkeli and Kela each carry one service's part.
      expect(network.traffic['service-directory'].requests).toEqual(['query']);
      expect(network.traffic.mikkeli.requests).toEqual(['_entities']);
      expect(network.traffic.kela.requests).toEqual(['_entities']);
      // A field added through @interfaceObject is asked of every action in the answer (the association
      // answers null for the others), once per root field: one fetch for each of the three services.
      expect(associationRequests).toBe(3);
      for (const name of ['profile', 'recommendation', 'chatbot', 'how-am-i-doing'] as const) expect(network.traffic[name].requests).toEqual([]);
      // The directory loads the three services, their channels, the offers and the providers in one store query each.
      expect(network.traffic['service-directory'].storeOperations.map((operation) => operation.collection).sort()).toEqual([
        'actionOffers',
        'channels',
        'organisations',
        'services',
      ]);
      // Mikkeli reads its bookings once per place asked.
      expect(
        network.traffic.mikkeli.storeOperations.filter((operation) => operation.collection === 'appointments').map((operation) => operation.operation),
      ).toEqual(['find', 'find']);

      // A hostile organisation cannot put its action on another organisation's service.
      const foreign = await failure(
        'mutation($input: ServiceActionInput!) { publishServiceAction(input: $input) { id } }',
        { input: { service: KELA_SERVICE, title: { fi: 'Lataa tuki tästä' }, url: 'https://phish.example/' } },
        token,
      );
      expect(foreign.code).toBe('FORBIDDEN');
      expect((await ask('query($id: ID!) { service(id: $id) { actions { id } } }', { id: KELA_SERVICE })).service.actions).toEqual([{ id: CHECK }]);

      // Withdrawing the action takes it off the service.
      const archived = await ask('mutation($id: ID!) { archiveServiceAction(id: $id) { id ... on OtherAction { status } } }', { id: meetTheAnimals }, token);
      expect(archived.archiveServiceAction).toEqual({ id: meetTheAnimals, status: 'ARCHIVED' });
      expect((await ask('query($id: ID!) { service(id: $id) { actions { id } } }', { id: associationService })).service.actions).toEqual([]);
    } finally {
      await new Promise<void>((resolve) => counter.close(() => resolve()));
      await subgraph.close();
    }
  }, 60_000);
});

describe('booking a time at the City of Mikkeli', () => {
  it('gives a time to exactly one of two people booking it at once', async () => {
    const [alice, bob] = await Promise.all([newIdentity(), newIdentity()]);
    const [slot] = (await freeTimes()) as [{ start: string; end: string }];
    const results = await Promise.all([alice, bob].map((token) => network.query(BOOK, { action: BOOKING, start: slot.start }, bearer(token))));
    const booked = results.filter((result) => !result.errors);
    const refused = results.filter((result) => result.errors);
    expect(booked).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0].errors[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'SLOT_TAKEN' });
    expect(refused[0].errors[0].message).toMatch(/booked by someone else.*choose another free time/);
    expect(await network.stores.mikkeli.collection('appointments').countDocuments({ start: slot.start })).toBe(1);
    expect((await freeTimes()).map((free) => free.start)).not.toContain(slot.start);

    // Ten at once: still exactly one.
    const [, second] = (await freeTimes()) as [unknown, { start: string; end: string }];
    const people = await Promise.all(Array.from({ length: 10 }, newIdentity));
    const many = await Promise.all(people.map((token) => network.query(BOOK, { action: BOOKING, start: second.start }, bearer(token))));
    expect(many.filter((result) => !result.errors)).toHaveLength(1);
    expect(many.filter((result) => result.errors?.[0]?.extensions?.reason === 'SLOT_TAKEN')).toHaveLength(9);
  });

  it('books, shows, exports, cancels and deletes: afterwards no store holds the booking', async () => {
    const carol = await newIdentity();
    const [slot] = (await freeTimes(dateOf(2))) as [{ start: string; end: string }];
    const booked = (await ask(BOOK, { action: BOOKING, start: slot.start }, carol)).bookAppointment;
    expect(booked).toMatchObject({
      start: slot.start,
      end: slot.end,
      status: 'BOOKED',
      action: {
        id: BOOKING,
        title: 'Mikkelin kaupungin rakennusvalvonta, virastotalo',
        location: { name: 'Mikkelin kaupungin rakennusvalvonta, virastotalo' },
      },
    });
    expect(booked.action.service.name).toBe('Rakennuslupapalvelut');
    expect((await ask('{ myMikkeliAppointments { id start } }', {}, carol)).myMikkeliAppointments).toEqual([{ id: booked.id, start: slot.start }]);

    // The export carries it, from Mikkeli under Mikkeli's own pseudonym.
    const exported = (await ask('mutation { exportMyData { complete parts { subgraph status data } } }', {}, carol)).exportMyData;
    expect(exported.complete).toBe(true);
    const mikkeliPart = exported.parts.find((part: { subgraph: string }) => part.subgraph === 'mikkeli');
    expect(JSON.parse(mikkeliPart.data)).toEqual([
      { appointment: { id: booked.id, action: BOOKING, start: slot.start, end: slot.end, bookedAt: expect.any(String) } },
    ]);

    // Cancelling frees the time.
    expect((await ask(CANCEL, { id: booked.id }, carol)).cancelAppointment).toEqual({ id: booked.id, status: 'CANCELLED' });
    expect((await freeTimes(dateOf(2))).map((free) => free.start)).toContain(slot.start);
    expect((await ask('{ myMikkeliAppointments { id } }', {}, carol)).myMikkeliAppointments).toEqual([]);

    // Booked again, then everything deleted.
    const again = (await ask(BOOK, { action: BOOKING, start: slot.start }, carol)).bookAppointment;
    const pseudonym = network.traffic.mikkeli.headers
      .map((headers) => headers['x-aurora-pseudonym'])
      .filter(Boolean)
      .at(-1) as string;
    expect(filesHolding([again.id, pseudonym])).toEqual({
      [again.id]: [path.join('mikkeli', 'appointments.jsonl')],
      [pseudonym]: [path.join('mikkeli', 'appointments.jsonl')],
    });
    const report = (await ask('mutation { deleteMyData { complete parts { subgraph status deletedRecords } } }', {}, carol)).deleteMyData;
    expect(report.complete).toBe(true);
    expect(report.parts.find((part: { subgraph: string }) => part.subgraph === 'mikkeli')).toEqual({
      subgraph: 'mikkeli',
      status: 'DELETED',
      deletedRecords: 1,
    });
    expect(filesHolding([again.id, pseudonym])).toEqual({});
    expect((await freeTimes(dateOf(2))).map((free) => free.start)).toContain(slot.start);
  });

  it('refuses what cannot be booked with a coded error, and writes nothing', async () => {
    const dave = await newIdentity();
    const erin = await newIdentity();
    const [slot] = (await freeTimes()) as [{ start: string; end: string }];
    const mine = (await ask(BOOK, { action: BOOKING, start: slot.start }, dave)).bookAppointment;
    const before = await network.stores.mikkeli.collection('appointments').countDocuments({});

    const past = new Date(Date.now() - 7 * 86_400_000);
    const pastMonday = new Date(past.getTime() - ((past.getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
    expect(await failure(BOOK, { action: BOOKING, start: `${pastMonday}T09:00:00+02:00` }, erin)).toMatchObject({ code: 'CONFLICT', reason: 'SLOT_IN_PAST' });
    expect(await failure(BOOK, { action: BOOKING, start: slot.start.replace(/:00(?=[+-])/, ':17') }, erin)).toMatchObject({
      code: 'CONFLICT',
      reason: 'NOT_A_SLOT',
    });
    expect(await failure(BOOK, { action: BOOKING, start: 'tomorrow at nine' }, erin)).toMatchObject({ code: 'CONFLICT', reason: 'NOT_A_SLOT' });
    expect((await failure(BOOK, { action: `book:${MIKKELI_SERVICE}:not-a-place`, start: slot.start }, erin)).code).toBe('NOT_FOUND');
    expect((await failure(BOOK, { action: CHECK, start: slot.start }, erin)).code).toBe('NOT_FOUND');
    expect((await failure(BOOK, { action: BOOKING, start: slot.start })).code).toBe('UNAUTHENTICATED');
    // Another person's appointment is not found for her, and stays.
    const theirs = await failure(CANCEL, { id: mine.id }, erin);
    expect(theirs.code).toBe('NOT_FOUND');
    expect(theirs.message).not.toContain(slot.start);
    expect((await failure(CANCEL, { id: 'no-such-appointment' }, erin)).code).toBe('NOT_FOUND');
    // Bad ranges.
    expect((await failure(FREE_TIMES, { id: BOOKING, from: 'yesterday', to: dateOf(1) })).code).toBe('BAD_USER_INPUT');
    expect((await failure(FREE_TIMES, { id: BOOKING, from: dateOf(0), to: dateOf(60) })).code).toBe('BAD_USER_INPUT');
    expect((await failure(FREE_TIMES, { id: BOOKING, from: dateOf(3), to: dateOf(1) })).code).toBe('BAD_USER_INPUT');

    expect(await network.stores.mikkeli.collection('appointments').countDocuments({})).toBe(before);
    expect((await ask('{ myMikkeliAppointments { id } }', {}, dave)).myMikkeliAppointments).toEqual([{ id: mine.id }]);

    // One person cannot take the whole calendar: five appointments to come at most.
    const times = (await freeTimes()).slice(0, 6);
    const results = [];
    for (const time of times) results.push(await network.query(BOOK, { action: BOOKING, start: time.start }, bearer(erin)));
    expect(results.slice(0, 5).map((result) => result.errors)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(results[5].errors[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'TOO_MANY_APPOINTMENTS' });
  });
});

describe('checking eligibility at Kela', () => {
  const ELIGIBILITY = 'query($check: ID!) { me { eligibility(check: $check) { check result reasons(language: EN) missing exampleRules } } }';

  it('refuses without consent, naming it, and answers from what the person shares; nothing is kept', async () => {
    const frank = await newIdentity();
    await ask('mutation { updateMyAttributes(input: { age: 47, municipality: "491", lifeEvents: ["KE8"] }) { handle } }', {}, frank);
    network.reset();

    // Without consent: a coded error that says which, and no answer.
    const refused = await failure(ELIGIBILITY, { check: CHECK }, frank);
    expect(refused.code).toBe('CONSENT_REQUIRED');
    expect(refused.message).toMatch(/allow age, life events to be shared for eligibility checks/);
    const result = await network.query(ELIGIBILITY, { check: CHECK }, bearer(frank));
    expect(result.errors[0].extensions).toMatchObject({ purpose: 'ELIGIBILITY', attributes: ['AGE', 'LIFE_EVENTS'] });
    expect(result.data.me.eligibility).toBeNull();

    // Consent for one of the two is not enough.
    await ask('mutation { grantConsent(purpose: ELIGIBILITY, attributes: [AGE]) { handle } }', {}, frank);
    const partly = await network.query(ELIGIBILITY, { check: CHECK }, bearer(frank));
    expect(partly.errors[0].extensions).toMatchObject({ code: 'CONSENT_REQUIRED', attributes: ['LIFE_EVENTS'] });

    // With consent: an answer, with reasons in the person's language.
    await ask('mutation { grantConsent(purpose: ELIGIBILITY, attributes: [LIFE_EVENTS]) { handle } }', {}, frank);
    const answer = (await ask(ELIGIBILITY, { check: CHECK }, frank)).me.eligibility;
    expect(answer).toEqual({
      check: CHECK,
      result: 'LIKELY',
      reasons: [
        'You have lost your job; register as a jobseeker first.',
        'This is an indicative estimate from example rules, not a decision. Kela decides on the application.',
      ],
      missing: [],
      exampleRules: true,
    });
    const inFinnish = await ask('query($check: ID!) { me { eligibility(check: $check) { reasons(language: FI) } } }', { check: CHECK }, frank);
    expect(inFinnish.me.eligibility.reasons[0]).toBe('Olet menettänyt työsi; ilmoittaudu työnhakijaksi ensin.');

    // Consented but not given: UNKNOWN, saying what to add.
    await ask('mutation { updateMyAttributes(input: { age: null }) { handle } }', {}, frank);
    expect((await ask(ELIGIBILITY, { check: CHECK }, frank)).me.eligibility).toMatchObject({ result: 'UNKNOWN', missing: ['AGE'] });

    // Revoked: refused again.
    await ask('mutation { revokeConsent(purpose: ELIGIBILITY) { handle } }', {}, frank);
    expect((await failure(ELIGIBILITY, { check: CHECK }, frank)).code).toBe('CONSENT_REQUIRED');

    // Kela never received who the person is, and neither Kela nor the recommendation engine wrote anything.
    expect(network.traffic.kela.requests.length).toBeGreaterThan(0);
    expect(network.traffic.kela.headers.every((headers) => !headers['x-aurora-pseudonym'] && !headers.authorization)).toBe(true);
    const writes = (name: 'kela' | 'recommendation') =>
      network.traffic[name].storeOperations.filter((operation) => !['find', 'findOne', 'countDocuments'].includes(operation.operation));
    expect(writes('kela')).toEqual([]);
    expect(writes('recommendation')).toEqual([]);
    // And Kela's store holds none of the person's attributes (its own data names no life event).
    expect(
      Object.values(filesHolding(['KE8', '"age"', 'lifeEvents']))
        .flat()
        .filter((file) => file.startsWith(`kela${path.sep}`)),
    ).toEqual([]);
  });

  it('answers NOT_FOUND for a check Kela does not carry', async () => {
    const grace = await newIdentity();
    await ask('mutation { grantConsent(purpose: ELIGIBILITY, attributes: [AGE, LIFE_EVENTS, MUNICIPALITY]) { handle } }', {}, grace);
    expect((await failure(ELIGIBILITY, { check: 'eligibility:x:no-such-benefit' }, grace)).code).toBe('NOT_FOUND');
    expect((await failure(ELIGIBILITY, { check: BOOKING }, grace)).code).toBe('NOT_FOUND');
  });
});
