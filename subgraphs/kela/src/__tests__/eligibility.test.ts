import { EXAMPLE_RULES } from '../eligibility-rules';
import { AttributeName, EligibilityResolver, type Me } from '../eligibility';

const CHECK = 'eligibility:8c6e25e9-e186-49fd-852c-f6f168d1351f:kela-basic-unemployment-allowance';
const ALL = [AttributeName.AGE, AttributeName.MUNICIPALITY, AttributeName.LIFE_EVENTS];
const me = (shared: Partial<Me['eligibilityAttributes']>): Me =>
  ({ handle: 'h', eligibilityAttributes: { age: null, municipality: null, lifeEvents: null, consented: [], ...shared } }) as Me;
const resolver = new EligibilityResolver();
const codeOf = (run: () => unknown) => {
  try {
    run();
    return null;
  } catch (error) {
    return (error as { extensions: Record<string, unknown> }).extensions;
  }
};

describe('eligibility at Kela', () => {
  it('refuses, naming the consent, when the person has not shared what the rule reads', () => {
    expect(codeOf(() => resolver.eligibility(me({ age: 30 }), CHECK))).toEqual({
      code: 'CONSENT_REQUIRED',
      purpose: 'ELIGIBILITY',
      attributes: ['AGE', 'LIFE_EVENTS'],
    });
    expect(codeOf(() => resolver.eligibility(me({ consented: [AttributeName.AGE] }), CHECK))).toMatchObject({ attributes: ['LIFE_EVENTS'] });
  });

  it('answers LIKELY, UNLIKELY or UNKNOWN from the shared attributes, saying what is missing', () => {
    expect(resolver.eligibility(me({ consented: ALL, age: 40, lifeEvents: ['KE8'] }), CHECK)).toMatchObject({ result: 'LIKELY', missing: [] });
    expect(resolver.eligibility(me({ consented: ALL, age: 70, lifeEvents: ['KE8'] }), CHECK)).toMatchObject({ result: 'UNLIKELY' });
    expect(resolver.eligibility(me({ consented: ALL, age: 40, lifeEvents: ['KE3'] }), CHECK)).toMatchObject({ result: 'UNLIKELY' });
    expect(resolver.eligibility(me({ consented: ALL, lifeEvents: ['KE8'] }), CHECK)).toMatchObject({ result: 'UNKNOWN', missing: ['AGE'] });
  });

  it('gives the reasons in the asked language, the last one saying it is not a decision', () => {
    const answer = resolver.eligibility(me({ consented: ALL, age: 40, lifeEvents: ['KE8'] }), CHECK);
    expect(answer.reasons('SV' as never).at(-1)).toBe('Detta är en riktgivande uppskattning enligt exempelregler, inte ett beslut. FPA avgör ansökan.');
    expect(answer.exampleRules).toBe(true);
  });

  it('answers every rule with a reason in three languages, whatever is shared', () => {
    const people = [
      { age: null, municipality: null, lifeEvents: null },
      { age: 15, municipality: '491', lifeEvents: [] },
      { age: 30, municipality: '491', lifeEvents: ['KE1', 'KE3', 'KE8', 'KE9', 'KE11'] },
      { age: 80, municipality: null, lifeEvents: ['KE4.1'] },
    ];
    for (const rule of EXAMPLE_RULES)
      for (const person of people) {
        const decision = rule.decide(person);
        expect(['LIKELY', 'UNLIKELY', 'UNKNOWN']).toContain(decision.result);
        for (const reason of decision.reasons) expect(Object.keys(reason).sort()).toEqual(['en', 'fi', 'sv']);
      }
  });

  it('does not answer a check that is not Kela’s', () => {
    expect(codeOf(() => resolver.eligibility(me({ consented: ALL }), 'eligibility:x:unknown-benefit'))).toMatchObject({ code: 'NOT_FOUND' });
    expect(codeOf(() => resolver.eligibility(me({ consented: ALL }), 'book:x:y'))).toMatchObject({ code: 'NOT_FOUND' });
  });
});
