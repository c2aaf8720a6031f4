import { badUserInput, codedError, ErrorCode, localise, type Language, type LocalisedText } from '@aurora/subgraph-kit';
import type { Resolvers } from './generated/resolvers';
import { CHOICES, type FactorView, type HowAmIDoingContext, LINKS, type Link, METERS, SOURCES } from './model';
import type { Assessment, AssessmentRepository } from './repository';

export type { HowAmIDoingContext };

const text = (value: LocalisedText | undefined, language: Language | null | undefined) => localise(value, language ?? 'FI') ?? '';
const meterOf = (key: string) => METERS.find((meter) => meter.dimension === key);
const factor = (key: string, language: Language): FactorView => ({
  key,
  dimension: meterOf(key)?.dimension ?? null,
  names: meterOf(key)?.label ?? CHOICES[key] ?? { fi: key },
  language,
});

const STRENGTH_WORDS: Record<Link['strength'], LocalisedText> = {
  WEAK: { fi: 'heikko yhteys', sv: 'svagt samband', en: 'a weak link' },
  MODERATE: { fi: 'selvä yhteys', sv: 'tydligt samband', en: 'a clear link' },
  STRONG: { fi: 'vahva yhteys', sv: 'starkt samband', en: 'a strong link' },
};

function linkExplanation(link: Link, language: Language): string {
  const from = text(factor(link.from, language).names, language).toLowerCase();
  const to = text(factor(link.to, language).names, language).toLowerCase();
  const strength = text(STRENGTH_WORDS[link.strength], language);
  const up = link.direction === 'INCREASES';
  return {
    FI: `Jos ${from} lisääntyy tai paranee, ${to} ${up ? 'voi parantua' : 'voi heikentyä'} (${strength}).`,
    SV: `Om ${from} ökar eller blir bättre kan ${to} ${up ? 'förbättras' : 'försämras'} (${strength}).`,
    EN: `If ${from} increases or improves, ${to} may ${up ? 'improve' : 'get worse'} (${strength}).`,
  }[language];
}

export function createResolvers(repository: AssessmentRepository): Resolvers {
  const requirePerson = (context: HowAmIDoingContext) => {
    if (!context.pseudonym)
      throw codedError(
        ErrorCode.UNAUTHENTICATED,
        'This needs an identity: get a token with POST /identity on the router and send it as Authorization: Bearer <token>.',
      );
    return context.pseudonym;
  };
  return {
    Query: {
      wellbeingMeters: (_, args) =>
        METERS.map((meter) => ({
          dimension: meter.dimension,
          inputField: meter.field,
          names: meter.label,
          explanations: meter.explanation,
          language: args.language ?? 'FI',
        })),
      wellbeingCausalModel: (_, args) =>
        LINKS.map((link) => ({
          ...link,
          language: args.language ?? 'FI',
          source: SOURCES[link.source]?.source ?? link.source,
          sourceUrl: SOURCES[link.source]?.url ?? null,
          link,
        })),
      myWellbeingAssessments: async (_, __, context) => repository.ofPerson(requirePerson(context)),
    },
    Mutation: {
      async recordWellbeingAssessment(_, args, context) {
        const pseudonym = requirePerson(context);
        const readings: Assessment['readings'] = [];
        for (const meter of METERS) {
          const value = args.meters[meter.field];
          if (value === undefined || value === null) continue;
          if (!Number.isInteger(value) || value < 0 || value > 10) {
            throw badUserInput(`meters.${meter.field} must be a whole number from 0 (worst) to 10 (best); it was ${value}.`, `meters.${meter.field}`);
          }
          readings.push({ dimension: meter.dimension, value });
        }
        if (readings.length === 0) throw badUserInput('meters must give at least one meter, 0–10.', 'meters');
        return repository.record(pseudonym, readings);
      },
    },
    WellbeingMeter: {
      label: (meter, args) => text(meter.names, args.language ?? meter.language),
      explanation: (meter, args) => text(meter.explanations, args.language ?? meter.language),
    },
    CausalLink: {
      from: (entry) => factor(entry.link.from, entry.language),
      to: (entry) => factor(entry.link.to, entry.language),
      explanation: (entry, args) => linkExplanation(entry.link, args.language ?? entry.language),
    },
    CausalFactor: {
      label: (entry, args) => text(entry.names, args.language ?? entry.language),
    },
  };
}
