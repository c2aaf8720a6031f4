import { codedError, ErrorCode, localise, type LocalisedText } from '@aurora/subgraph-kit';
import { Arg, Ctx, Directive, Field, FieldResolver, ID, Int, ObjectType, registerEnumType, Resolver, Root } from 'type-graphql';
import { Benefit, Language } from './benefit';
import { EXAMPLE_RULES, type EligibilityAttribute, type EligibilityResult, type EligibilityRule } from './eligibility-rules';
import type { KelaContext } from './loaders';

/** The profile's attribute names: a copy of its enum, identical as the network's rules require. */
export enum AttributeName {
  AGE = 'AGE',
  MUNICIPALITY = 'MUNICIPALITY',
  LIFE_EVENTS = 'LIFE_EVENTS',
  LANGUAGE = 'LANGUAGE',
  WELLBEING = 'WELLBEING',
  INTERESTS = 'INTERESTS',
}
registerEnumType(AttributeName, {
  name: 'AttributeName',
  description: 'An attribute a consent can cover.',
  valuesConfig: {
    AGE: { description: 'Age.' },
    MUNICIPALITY: { description: 'Home municipality.' },
    LIFE_EVENTS: { description: 'Life events.' },
    LANGUAGE: { description: 'Preferred language.' },
    WELLBEING: { description: 'The 3X10D meters.' },
    INTERESTS: { description: 'Interests.' },
  },
});

enum EligibilityResultEnum {
  LIKELY = 'LIKELY',
  UNLIKELY = 'UNLIKELY',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(EligibilityResultEnum, {
  name: 'EligibilityResult',
  description: 'How an eligibility check came out.',
  valuesConfig: {
    LIKELY: { description: 'The person is likely to qualify: applying is worth it.' },
    UNLIKELY: { description: 'The person is unlikely to qualify, for the reasons given.' },
    UNKNOWN: { description: 'The check cannot tell; `missing` says what would help, the reasons say why.' },
  },
});

/** What the person shares for ELIGIBILITY, as the profile gives it through `@requires`. */
@Directive('@external')
@ObjectType({ description: 'Attributes shared for one purpose: each is null unless the person consented to share it for that purpose.' })
export class SharedAttributes {
  @Field(() => Int, { nullable: true, description: 'Age in years.' })
  age!: number | null;

  @Field(() => String, { nullable: true, description: 'Home municipality code.' })
  municipality!: string | null;

  @Field(() => [String], { nullable: true, description: 'Life event codes.' })
  lifeEvents!: string[] | null;

  @Field(() => [AttributeName], {
    description: 'Which attributes the person consented to share for this purpose (an attribute may be consented and still not given).',
  })
  consented!: AttributeName[];
}

@Directive('@key(fields: "handle")')
@ObjectType({
  description:
    'The person making the request, owned by profile management. Kela receives the attributes the person consented to share for ELIGIBILITY through `@requires`, for this request only, and keeps none of them.',
})
export class Me {
  @Field(() => ID, { description: 'A random handle for this request only.' })
  handle!: string;

  @Directive('@external')
  @Field(() => SharedAttributes)
  eligibilityAttributes!: SharedAttributes;
}

@ObjectType({ description: 'The answer to an eligibility check. Example rules: an indicative estimate, never a decision.' })
export class EligibilityAnswer {
  constructor(
    checkId: string,
    result: EligibilityResult,
    private readonly reasonTexts: LocalisedText[],
    missing: EligibilityAttribute[],
  ) {
    this.check = checkId;
    this.result = result as EligibilityResultEnum;
    this.missing = missing as AttributeName[];
  }

  @Field(() => ID, { description: 'The EligibilityCheck action answered.' })
  check: string;

  @Field(() => EligibilityResultEnum, { description: 'LIKELY, UNLIKELY or UNKNOWN.' })
  result: EligibilityResultEnum;

  @Field(() => [String], { description: "Why, in the person's language; the last reason says the estimate is not a decision." })
  reasons(@Arg('language', () => Language, { nullable: true, defaultValue: Language.FI }) language: Language): string[] {
    return this.reasonTexts.map((text) => localise(text, language) ?? '');
  }

  @Field(() => [AttributeName], { description: 'Attributes the person shared but has not given, which would let the check answer: add them to the profile.' })
  missing: AttributeName[];

  @Field(() => Boolean, { description: 'True: the answer comes from example rules written for the network, not from Kela.' })
  get exampleRules(): boolean {
    return true;
  }
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'Checking whether the person is likely to qualify; Kela answers for its benefits.' })
export class EligibilityCheck {
  @Field(() => ID, { description: "The action's id, as the service directory gives it." })
  id!: string;
}

const RULES = new Map(EXAMPLE_RULES.map((rule) => [rule.benefitId, rule]));

/** The benefit an eligibility action of Kela's is about (`eligibility:<service>:<benefit>`); null for any other id. */
export function ruleOf(checkId: string): EligibilityRule | null {
  const [kind, serviceId, benefitId, ...rest] = checkId.split(':');
  if (kind !== 'eligibility' || !serviceId || !benefitId || rest.length > 0) return null;
  return RULES.get(benefitId) ?? null;
}

export function resolveEligibilityCheckReference(reference: { id: string }): EligibilityCheck {
  return Object.assign(new EligibilityCheck(), { id: reference.id });
}

export function resolveMeReference(reference: Me): Me {
  return Object.assign(new Me(), reference);
}

@Resolver(() => EligibilityCheck)
export class EligibilityCheckResolver {
  @FieldResolver(() => Benefit, { nullable: true, description: 'The benefit checked; null for a check Kela does not answer.' })
  async benefit(@Root() check: EligibilityCheck, @Ctx() { repository }: KelaContext): Promise<Benefit | null> {
    const rule = ruleOf(check.id);
    const document = rule ? await repository.benefitById(rule.benefitId) : null;
    return document ? new Benefit(document) : null;
  }
}

@Resolver(() => Me)
export class EligibilityResolver {
  @Directive('@requires(fields: "eligibilityAttributes { age municipality lifeEvents consented }")')
  @FieldResolver(() => EligibilityAnswer, {
    nullable: true,
    description:
      "Whether the person is likely to qualify, from what they share for ELIGIBILITY; computed inside this request and never stored. `check` is an EligibilityCheck id from a service's actions. Errors: CONSENT_REQUIRED (`extensions.purpose` ELIGIBILITY and `extensions.attributes`, the attributes to allow) when the person has not consented to share what the check reads, and then nothing is computed; NOT_FOUND for a check Kela does not answer.",
  })
  eligibility(@Root() me: Me, @Arg('check', () => ID) check: string): EligibilityAnswer {
    const rule = ruleOf(check);
    if (!rule) {
      throw codedError(
        ErrorCode.NOT_FOUND,
        `Kela does not answer the eligibility check ${check.slice(0, 200)}; take the id from a service's actions (EligibilityCheck.id).`,
      );
    }
    const shared = me.eligibilityAttributes;
    const notConsented = rule.needs.filter((name) => !shared?.consented?.includes(name as AttributeName));
    if (notConsented.length > 0) {
      throw codedError(
        ErrorCode.CONSENT_REQUIRED,
        `To check this, allow ${notConsented.map((name) => name.toLowerCase().replace('_', ' ')).join(', ')} to be shared for eligibility checks (grantConsent with purpose ELIGIBILITY). Nothing was checked.`,
        { purpose: 'ELIGIBILITY', attributes: notConsented },
      );
    }
    const decision = rule.decide({ age: shared.age ?? null, municipality: shared.municipality ?? null, lifeEvents: shared.lifeEvents ?? null });
    return new EligibilityAnswer(check, decision.result, decision.reasons, decision.missing);
  }
}
