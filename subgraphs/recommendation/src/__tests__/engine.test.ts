import { placeFor, RecommendationEngine, violations, type History, type Reason } from '../engine';
import { packageExplanation, packageTitle, reasonText } from '../texts';
import { inferLabels } from '../labels';
import { emptySituation, type IndexedService, type Situation } from '../model';
import { meterWeight, needsOf } from '../needs';
import { packageCount, toSituation } from '../validation';
import { TextIndex } from '../text-index';

let serial = 0;
function service(fields: Partial<IndexedService> & { fi: string; summary?: string }): IndexedService {
  serial += 1;
  const { fi, summary, ...rest } = fields;
  const id = `s${String(serial).padStart(3, '0')}`;
  // A place to visit is where the service is offered, unless the test says where.
  const places =
    fields.places ??
    (fields.channelKinds?.includes('SERVICE_LOCATION')
      ? (fields.municipalities?.length ? fields.municipalities : [null]).map((municipality) => ({ channelId: `${id}-place`, municipality }))
      : []);
  return {
    _id: id,
    name: { fi },
    summary: { fi: summary ?? fi },
    description: {},
    providerId: null,
    lifeEvents: [],
    serviceClasses: [],
    targetGroups: [],
    concepts: [],
    nationwide: true,
    municipalities: [],
    languages: [],
    channelKinds: [],
    labels: [],
    status: 'ACTIVE',
    modified: '2024-01-01T00:00:00.000Z',
    ...rest,
    places,
  };
}

const catalogue: IndexedService[] = [
  service({ fi: 'Työttömyysturva', summary: 'Työttömyysetuus työttömälle työnhakijalle.', serviceClasses: ['P10.6'], providerId: 'kela', labels: ['FINANCE'] }),
  service({
    fi: 'Työnhaun tuki',
    summary: 'Apua työnhakuun ja työpaikan löytämiseen.',
    serviceClasses: ['P10.1'],
    providerId: 'te',
    labels: ['WORKING_STUDYING'],
  }),
  service({
    fi: 'Talous- ja velkaneuvonta',
    summary: 'Neuvontaa velka-asioissa ja taloudessa.',
    serviceClasses: ['P15.1'],
    providerId: 'oikeusapu',
    labels: ['FINANCE'],
  }),
  service({ fi: 'Toimeentulotuki', summary: 'Viimesijainen taloudellinen tuki.', serviceClasses: ['P4.10'], providerId: 'kela', labels: ['FINANCE'] }),
  service({ fi: 'Velkojen järjestely', summary: 'Velkajärjestely ja ulosotto.', serviceClasses: ['P15.3'], providerId: 'kuluttaja' }),
  service({
    fi: 'TE-toimisto Mikkeli',
    summary: 'Työvoimapalvelut Mikkelissä.',
    serviceClasses: ['P10.1'],
    providerId: 'te-mikkeli',
    nationwide: false,
    municipalities: ['491'],
    channelKinds: ['SERVICE_LOCATION'],
  }),
  service({
    fi: 'TE-toimisto Turku',
    summary: 'Työvoimapalvelut Turussa.',
    serviceClasses: ['P10.1'],
    providerId: 'te-turku',
    nationwide: false,
    municipalities: ['853'],
    channelKinds: ['SERVICE_LOCATION'],
  }),
  service({ fi: 'Eläkeläisten kerho', summary: 'Kerho eläkeläisille ja ikäihmisille.', targetGroups: ['KR1.1'], labels: ['FRIENDS'] }),
  service({ fi: 'Yritysneuvonta', summary: 'Neuvontaa yrityksen perustamiseen.', targetGroups: ['KR2'], serviceClasses: ['P11.1'] }),
  service({ fi: 'Swedish only', summary: 'Ekonomisk rådgivning.', languages: ['SV'], serviceClasses: ['P15.1'] }),
  service({ fi: 'Vanha palvelu', summary: 'Työttömyys ja velka, lakkautettu.', status: 'ARCHIVED', serviceClasses: ['P10.6'] }),
  service({ fi: 'Ystäväpiiri', summary: 'Ystävätoimintaa ja vertaistukea yksinäisille.', labels: ['FRIENDS'] }),
  service({ fi: 'Vertaistukiryhmä', summary: 'Vertaistukea ja ystävätoimintaa.' }),
];

const situation = (fields: Partial<Situation>): Situation => ({ ...emptySituation(), ...fields });
const ids = (engine: RecommendationEngine, s: Situation, history?: History) =>
  engine.recommend(s, 3, history).packages.flatMap((pack) => pack.items.map((item) => item.serviceId));

describe('understanding the situation', () => {
  it('weighs a low meter as AuroraAI did: 1 − meter/10.1, and a good one adds no need', () => {
    expect(meterWeight(0)).toBe(1);
    expect(meterWeight(5)).toBeCloseTo(0.505, 3);
    const { needs } = needsOf(situation({ meters: { FINANCE: 2, HEALTH: 9 } }));
    expect(needs.map((need) => [need.id, Math.round(need.weight * 1000) / 1000])).toEqual([['WELLBEING:FINANCE', 0.802]]);
  });

  it('expands life events through the map, adds the words, and falls back to general needs when nothing is given', () => {
    const { needs } = needsOf(situation({ lifeEvents: ['KE8'], text: 'velka ahdistaa' }));
    expect(needs[0]).toMatchObject({ id: 'LIFE_EVENT:KE8', kind: 'LIFE_EVENT', weight: 1 });
    expect(needs[0]?.serviceClasses).toContain('P10.6');
    expect(needs[0]?.keywords.sv).toContain('arbetslöshet');
    expect(needs[1]).toMatchObject({ id: 'TEXT', kind: 'TEXT', keywords: { fi: ['velka', 'ahdistaa'] } });
    const general = needsOf(emptySituation());
    expect(general.general).toBe(true);
    expect(general.needs).toHaveLength(10);
  });

  it('checks every field, naming it and the valid forms', () => {
    expect(() => toSituation({ wellbeing: { health: 11 } })).toThrow(
      'situation.wellbeing.health must be a whole number from 0 (worst) to 10 (best); it was 11.',
    );
    expect(() => toSituation({ lifeEvents: ['KE99'] })).toThrow('situation.lifeEvents[0] "KE99" is not a life event code');
    expect(() => toSituation({ municipality: 'Mikkeli' })).toThrow('use a 3-digit code such as 491');
    expect(() => packageCount(0)).toThrow('"first" must be a whole number from 1 to 10; it was 0.');
    expect(packageCount(undefined)).toBe(3);
    expect(toSituation({ lifeEvents: ['KE8', 'KE8'], wellbeing: { finance: 3 }, language: 'SV' })).toMatchObject({
      lifeEvents: ['KE8'],
      meters: { FINANCE: 3 },
      language: 'SV',
    });
  });
});

describe('label inference', () => {
  it('infers meters for unlabelled services from similar labelled ones, marked as inferred', () => {
    const labels = inferLabels(catalogue);
    expect(labels.get('s001')?.source).toBe('HAND');
    const peer = labels.get(catalogue.find((entry) => entry.name.fi === 'Vertaistukiryhmä')?._id as string);
    expect(peer?.source).toBe('INFERRED');
    expect(peer?.scores[2]).toBeGreaterThan(0.5); // FRIENDS
    expect(peer?.scores[1]).toBe(0); // FINANCE
  });
});

describe('packages', () => {
  const engine = new RecommendationEngine(catalogue);

  it('never breaks a hard filter: area, language, target group and age, archived', () => {
    const unemployed = situation({ lifeEvents: ['KE8', 'KE9'], municipality: '491', age: 30 });
    const recommended = ids(engine, unemployed);
    expect(recommended.length).toBeGreaterThanOrEqual(3);
    const byId = new Map(catalogue.map((entry) => [entry._id, entry]));
    for (const id of recommended) expect(violations(byId.get(id) as IndexedService, unemployed)).toEqual([]);
    const names = recommended.map((id) => byId.get(id)?.name.fi);
    expect(names).toContain('TE-toimisto Mikkeli');
    expect(names).not.toContain('TE-toimisto Turku');
    expect(names).not.toContain('Swedish only');
    expect(names).not.toContain('Vanha palvelu');
    expect(names).not.toContain('Yritysneuvonta');
    expect(violations(catalogue[7] as IndexedService, situation({ age: 30 }))).toEqual(['age']);
    expect(violations(catalogue[7] as IndexedService, situation({ age: 70 }))).toEqual([]);
  });

  it("prefers services whose names fit the person's age, without filtering the others out", () => {
    const older = engine.rank(situation({ meters: { FRIENDS: 1 }, age: 70 })).ranked.map((entry) => entry.id);
    const younger = engine.rank(situation({ meters: { FRIENDS: 1 }, age: 20 })).ranked.map((entry) => entry.id);
    const seniorsClub = catalogue.find((entry) => entry.name.fi === 'Eläkeläisten kerho')?._id as string;
    expect(older).toContain(seniorsClub);
    expect(younger).not.toContain(seniorsClub); // its target group KR1.1 alone is a hard filter
    const youthOnly = new RecommendationEngine([
      ...catalogue,
      service({ fi: 'Nuorten ystäväpiiri', summary: 'Ystävätoimintaa nuorille.', labels: ['FRIENDS'] }),
    ]);
    const youthId = `s${String(serial).padStart(3, '0')}`;
    const at70 = youthOnly.rank(situation({ meters: { FRIENDS: 1 }, age: 70 })).ranked.map((entry) => entry.id);
    const at20 = youthOnly.rank(situation({ meters: { FRIENDS: 1 }, age: 20 })).ranked.map((entry) => entry.id);
    expect(at70).toContain(youthId);
    expect(at70.indexOf(youthId)).toBeGreaterThan(at20.indexOf(youthId));
  });

  it('covers every need with 3–6 services, each saying which need it covers, preferring a place to visit', () => {
    const result = engine.recommend(situation({ lifeEvents: ['KE8'], meters: { FINANCE: 1 }, municipality: '491' }), 1);
    const [pack] = result.packages;
    expect(pack?.items.length).toBeGreaterThanOrEqual(3);
    expect(pack?.items.length).toBeLessThanOrEqual(6);
    const needsCovered = new Set(pack?.items.map((item) => item.need?.id));
    expect(needsCovered).toEqual(new Set(['LIFE_EVENT:KE8', 'WELLBEING:FINANCE']));
    expect(pack?.items.some((item) => item.reasons.some((reason) => reason.kind === 'VISIT'))).toBe(true);
    expect(pack?.score).toBeGreaterThan(0.9);
  });

  it("lets feedback change the person's next packages, and everyone's counts act as a prior", () => {
    const s = situation({ lifeEvents: ['KE9'] });
    const before = ids(engine, s);
    const notRelevant: History = {
      personal: new Map([[before[0] as string, new Set(['NOT_RELEVANT' as const])]]),
      aggregate: () => ({ positive: 0, negative: 0 }),
    };
    const after = ids(engine, s, notRelevant);
    expect(after).not.toContain(before[0]);
    const last = before[before.length - 1] as string;
    const liked: History = { personal: new Map(), aggregate: (id) => (id === last ? { positive: 40, negative: 0 } : { positive: 0, negative: 0 }) };
    const ranked = engine.rank(s, { history: liked }).ranked.map((entry) => entry.id);
    const plain = engine.rank(s).ranked.map((entry) => entry.id);
    expect(ranked.indexOf(last)).toBeLessThan(plain.indexOf(last));
  });
});

describe('packages a person can trust', () => {
  const place = (channelId: string, municipality: string | null) => ({ channelId, municipality });
  const trusted: IndexedService[] = [
    service({
      fi: 'Verotoimisto',
      summary: 'Verokortti ja verotus työttömälle.',
      serviceClasses: ['P14.1'],
      lifeEvents: ['KE1', 'KE2', 'KE3', 'KE8', 'KE10', 'KE11', 'KE14'],
      channelKinds: ['SERVICE_LOCATION'],
      places: [place('tax-lpr', '405'), place('tax-svl', '740')],
    }),
    // The pension has the weakest evidence: its tag alone. The others have a tag, a class and the event's words.
    service({ fi: 'Kansaneläke', summary: 'Pienituloiselle.', lifeEvents: ['KE10'], providerId: 'kela' }),
    service({ fi: 'Liikuntaryhmät', summary: 'Liikuntaa eläkkeelle jääneille, ikääntyneet tervetulleita.', lifeEvents: ['KE10'], serviceClasses: ['P4.2'] }),
    service({ fi: 'Ikääntyvien palveluohjaus', summary: 'Ohjausta eläkkeelle jääville, ikääntyneet.', lifeEvents: ['KE10'], serviceClasses: ['P4.2'] }),
    service({ fi: 'Seniorineuvola', summary: 'Terveysneuvontaa eläkkeelle jääville, ikääntyneet.', lifeEvents: ['KE10'], serviceClasses: ['P4.2'] }),
    service({ fi: 'Seniorikerho', summary: 'Kerho eläkkeelle jääneille, ikääntyneet.', lifeEvents: ['KE10'], serviceClasses: ['P4.2'] }),
    service({ fi: 'Ansiopäiväraha', summary: 'Työttömyysetuus.', lifeEvents: ['KE8'], serviceClasses: ['P10.6'], providerId: 'kassa' }),
    service({ fi: 'Ansiopäiväraha', summary: 'Työttömyysetuus, toinen tietue.', lifeEvents: ['KE8'], serviceClasses: ['P10.6'], providerId: 'kassa-2' }),
    service({
      fi: 'Työllisyyspalvelut Mikkeli',
      summary: 'Työnhakijan palvelut.',
      lifeEvents: ['KE8'],
      serviceClasses: ['P10.1'],
      nationwide: false,
      municipalities: ['491'],
      channelKinds: ['SERVICE_LOCATION'],
      places: [place('te-mli', '491')],
    }),
    service({ fi: 'Työnhakuvalmennus', summary: 'Valmennusta työnhakuun.', lifeEvents: ['KE8'], serviceClasses: ['P10.1'] }),
    service({ fi: 'Urasuunnittelu', summary: 'Uraohjausta.', lifeEvents: ['KE8'], serviceClasses: ['P10.2'] }),
    service({ fi: 'Palkkatuki', summary: 'Tuettu työllistyminen.', lifeEvents: ['KE8'], serviceClasses: ['P10.7'] }),
    service({ fi: 'Työttömien yhdistys', summary: 'Vertaistukea työttömille.', lifeEvents: ['KE8'], serviceClasses: ['P10.8'] }),
    service({ fi: 'Aikuiskoulutus', summary: 'Koulutusta aikuisille.', lifeEvents: ['KE8'], serviceClasses: ['P6.10'] }),
    service({ fi: 'Työnhakijan tuki', summary: 'Tukea työnhakijalle.', lifeEvents: ['KE8'], serviceClasses: ['P4.8'] }),
  ];
  const engine = new RecommendationEngine(trusted);
  const byId = new Map(trusted.map((entry) => [entry._id, entry]));
  const nameOf = (id: string) => byId.get(id)?.name.fi;

  it('says "visit in person" only of a place in the person\'s municipality, else names where the nearest is', () => {
    const result = engine.recommend(situation({ lifeEvents: ['KE8'], municipality: '491' }), 3);
    const items = result.packages.flatMap((pack) => pack.items);
    const local = items.find((item) => nameOf(item.serviceId) === 'Työllisyyspalvelut Mikkeli');
    expect(local?.place).toEqual({ channelId: 'te-mli', municipality: '491', distance: 0 });
    expect(reasonText(local?.reasons.find((reason) => reason.kind === 'VISIT') as Reason, 'EN')).toBe('You can visit it in person in Mikkeli.');
    const taxOffice = items.find((item) => nameOf(item.serviceId) === 'Verotoimisto');
    // Savonlinna is in Mikkeli's wellbeing services county; Lappeenranta is not.
    expect(taxOffice?.place).toEqual({ channelId: 'tax-svl', municipality: '740', distance: 1 });
    expect(reasonText(taxOffice?.reasons.find((reason) => reason.kind === 'VISIT') as Reason, 'EN')).toBe(
      'The nearest place to visit is in Savonlinna, in your wellbeing services county.',
    );
    for (const pack of result.packages) {
      const claims = packageExplanation(pack, result.needs, 'EN').includes('visit in person');
      expect(claims).toBe(pack.items.some((item) => item.place?.distance === 0));
    }
    const taxService = trusted.find((entry) => entry.name.fi === 'Verotoimisto') as IndexedService;
    expect(placeFor(taxService, '853')).toMatchObject({ distance: 3 }); // Turku: neither is near
    expect(placeFor(taxService, '405')).toEqual({ channelId: 'tax-lpr', municipality: '405', distance: 0 });
    expect(placeFor(taxService, null)?.distance).toBeNull();
  });

  it('never gives the same service twice in one answer, under one id or another record of its name', () => {
    const result = engine.recommend(situation({ lifeEvents: ['KE8'] }), 5);
    const names = result.packages.flatMap((pack) => pack.items.map((item) => nameOf(item.serviceId)));
    expect(names.length).toBeGreaterThan(3);
    expect(new Set(names).size).toBe(names.length);
    expect(names.filter((name) => name === 'Ansiopäiväraha')).toHaveLength(1);
  });

  it('titles each package by what sets it apart when packages cover the same needs', () => {
    const result = engine.recommend(situation({ lifeEvents: ['KE8'] }), 3);
    expect(result.packages.length).toBeGreaterThan(1);
    const titles = result.packages.map((pack) => packageTitle(pack, 'EN'));
    expect(new Set(titles).size).toBe(titles.length);
    for (const title of titles.slice(1)) expect(title).toMatch(/^Losing a job — ./);
  });

  it('gives a life event its core services in the first package (retirement: a pension), and a tag shared by many events weighs less', () => {
    const retirement = situation({ lifeEvents: ['KE10'] });
    const [first] = engine.recommend(retirement, 2).packages;
    expect(first?.items.map((item) => nameOf(item.serviceId))).toContain('Kansaneläke');
    const losingJob = engine.recommend(situation({ lifeEvents: ['KE8'] }), 1).packages[0]?.items.map((item) => nameOf(item.serviceId));
    expect(losingJob).toContain('Ansiopäiväraha'); // unemployment benefit
    expect(losingJob?.some((name) => ['Työllisyyspalvelut Mikkeli', 'Työnhakuvalmennus'].includes(name as string))).toBe(true); // jobseeking
    const ranked = engine.rank(retirement).ranked.map((entry) => nameOf(entry.id));
    expect(ranked.indexOf('Verotoimisto')).toBeGreaterThan(ranked.indexOf('Ikääntyvien palveluohjaus'));
    const plain = new RecommendationEngine(trusted.map((entry) => (entry.name.fi === 'Verotoimisto' ? { ...entry, lifeEvents: ['KE10'] } : entry)));
    const specific = plain.rank(retirement).ranked.find((entry) => plain.service(entry.id)?.name.fi === 'Verotoimisto');
    const many = engine.rank(retirement).ranked.find((entry) => nameOf(entry.id) === 'Verotoimisto');
    expect(many?.score).toBeLessThan(specific?.score as number);
  });
});

describe('the text analysis', () => {
  // Compound parts are learnt from the catalogue's own words: "velka" and "ongelma" stand alone in its texts, three times each.
  const texts = [
    service({ fi: 'Velkaneuvonta', summary: 'Apua velkaongelmaan ja maksuvaikeuksiin.' }),
    service({ fi: 'Velka ja talous', summary: 'Kun velka kasvaa, ongelma kannattaa ottaa puheeksi. Velka ei ole ongelma yksin, ongelma on yhteinen.' }),
    service({ fi: 'Kirjasto', summary: 'Lainaa kirjoja ja lehtiä. Velka kirjastolle maksetaan.' }),
  ];

  it("finds a compound by its part with compounds, and not with stems alone (the benchmark's comparison)", () => {
    const [compound, plain] = texts as [IndexedService, IndexedService, IndexedService];
    const found = (analysis: 'compounds' | 'stems') => new TextIndex(texts, analysis).search({ fi: ['ongelma'] }, 'fi');
    expect([...found('compounds').keys()]).toContain(compound._id);
    expect([...found('compounds').keys()]).toContain(plain._id);
    expect([...found('stems').keys()]).toEqual([plain._id]);
  });
});
