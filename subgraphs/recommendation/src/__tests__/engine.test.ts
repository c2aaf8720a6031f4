import { RecommendationEngine, violations, type History } from '../engine';
import { inferLabels } from '../labels';
import { emptySituation, type IndexedService, type Situation } from '../model';
import { meterWeight, needsOf } from '../needs';
import { packageCount, toSituation } from '../validation';

let serial = 0;
function service(fields: Partial<IndexedService> & { fi: string; summary?: string }): IndexedService {
  serial += 1;
  const { fi, summary, ...rest } = fields;
  return {
    _id: `s${String(serial).padStart(3, '0')}`,
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
  };
}

const catalogue: IndexedService[] = [
  service({ fi: 'Työttömyysturva', summary: 'Työttömyysetuus työttömälle työnhakijalle.', serviceClasses: ['P10.6'], providerId: 'kela', labels: ['FINANCE'] }),
  service({ fi: 'Työnhaun tuki', summary: 'Apua työnhakuun ja työpaikan löytämiseen.', serviceClasses: ['P10.1'], providerId: 'te', labels: ['WORKING_STUDYING'] }),
  service({ fi: 'Talous- ja velkaneuvonta', summary: 'Neuvontaa velka-asioissa ja taloudessa.', serviceClasses: ['P15.1'], providerId: 'oikeusapu', labels: ['FINANCE'] }),
  service({ fi: 'Toimeentulotuki', summary: 'Viimesijainen taloudellinen tuki.', serviceClasses: ['P4.10'], providerId: 'kela', labels: ['FINANCE'] }),
  service({ fi: 'Velkojen järjestely', summary: 'Velkajärjestely ja ulosotto.', serviceClasses: ['P15.3'], providerId: 'kuluttaja' }),
  service({ fi: 'TE-toimisto Mikkeli', summary: 'Työvoimapalvelut Mikkelissä.', serviceClasses: ['P10.1'], providerId: 'te-mikkeli', nationwide: false, municipalities: ['491'], channelKinds: ['SERVICE_LOCATION'] }),
  service({ fi: 'TE-toimisto Turku', summary: 'Työvoimapalvelut Turussa.', serviceClasses: ['P10.1'], providerId: 'te-turku', nationwide: false, municipalities: ['853'], channelKinds: ['SERVICE_LOCATION'] }),
  service({ fi: 'Eläkeläisten kerho', summary: 'Kerho eläkeläisille ja ikäihmisille.', targetGroups: ['KR1.1'], labels: ['FRIENDS'] }),
  service({ fi: 'Yritysneuvonta', summary: 'Neuvontaa yrityksen perustamiseen.', targetGroups: ['KR2'], serviceClasses: ['P11.1'] }),
  service({ fi: 'Swedish only', summary: 'Ekonomisk rådgivning.', languages: ['SV'], serviceClasses: ['P15.1'] }),
  service({ fi: 'Vanha palvelu', summary: 'Työttömyys ja velka, lakkautettu.', status: 'ARCHIVED', serviceClasses: ['P10.6'] }),
  service({ fi: 'Ystäväpiiri', summary: 'Ystävätoimintaa ja vertaistukea yksinäisille.', labels: ['FRIENDS'] }),
  service({ fi: 'Vertaistukiryhmä', summary: 'Vertaistukea ja ystävätoimintaa.' }),
];

const situation = (fields: Partial<Situation>): Situation => ({ ...emptySituation(), ...fields });
const ids = (engine: RecommendationEngine, s: Situation, history?: History) => engine.recommend(s, 3, history).packages.flatMap((pack) => pack.items.map((item) => item.serviceId));

describe('understanding the situation', () => {
  it("weighs a low meter as AuroraAI did: 1 − meter/10.1, and a good one adds no need", () => {
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
    expect(() => toSituation({ wellbeing: { health: 11 } })).toThrow('situation.wellbeing.health must be a whole number from 0 (worst) to 10 (best); it was 11.');
    expect(() => toSituation({ lifeEvents: ['KE99'] })).toThrow('situation.lifeEvents[0] "KE99" is not a life event code');
    expect(() => toSituation({ municipality: 'Mikkeli' })).toThrow('use a 3-digit code such as 491');
    expect(() => packageCount(0)).toThrow('"first" must be a whole number from 1 to 10; it was 0.');
    expect(packageCount(undefined)).toBe(3);
    expect(toSituation({ lifeEvents: ['KE8', 'KE8'], wellbeing: { finance: 3 }, language: 'SV' })).toMatchObject({ lifeEvents: ['KE8'], meters: { FINANCE: 3 }, language: 'SV' });
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

  it('prefers services whose names fit the person\'s age, without filtering the others out', () => {
    const older = engine.rank(situation({ meters: { FRIENDS: 1 }, age: 70 })).ranked.map((entry) => entry.id);
    const younger = engine.rank(situation({ meters: { FRIENDS: 1 }, age: 20 })).ranked.map((entry) => entry.id);
    const seniorsClub = catalogue.find((entry) => entry.name.fi === 'Eläkeläisten kerho')?._id as string;
    expect(older).toContain(seniorsClub);
    expect(younger).not.toContain(seniorsClub); // its target group KR1.1 alone is a hard filter
    const youthOnly = new RecommendationEngine([...catalogue, service({ fi: 'Nuorten ystäväpiiri', summary: 'Ystävätoimintaa nuorille.', labels: ['FRIENDS'] })]);
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

  it('lets feedback change the person\'s next packages, and everyone\'s counts act as a prior', () => {
    const s = situation({ lifeEvents: ['KE9'] });
    const before = ids(engine, s);
    const notRelevant: History = { personal: new Map([[before[0] as string, new Set(['NOT_RELEVANT' as const])]]), aggregate: () => ({ positive: 0, negative: 0 }) };
    const after = ids(engine, s, notRelevant);
    expect(after).not.toContain(before[0]);
    const last = before[before.length - 1] as string;
    const liked: History = { personal: new Map(), aggregate: (id) => (id === last ? { positive: 40, negative: 0 } : { positive: 0, negative: 0 }) };
    const ranked = engine.rank(s, { history: liked }).ranked.map((entry) => entry.id);
    const plain = engine.rank(s).ranked.map((entry) => entry.id);
    expect(ranked.indexOf(last)).toBeLessThan(plain.indexOf(last));
  });
});
