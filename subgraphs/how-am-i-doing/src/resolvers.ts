import { badUserInput, codedError, ErrorCode, localise, type Language, type LocalisedText } from '@aurora/subgraph-kit';
import { CHOICES, LINKS, METERS, SOURCES, type Link } from './model';
import type { AssessmentRepository } from './repository';

export interface HowAmIDoingContext {
  pseudonym: string | null;
}

const text = (value: LocalisedText | undefined, language: Language | null | undefined) => localise(value, language ?? 'FI') ?? '';
const meterOf = (key: string) => METERS.find((meter) => meter.dimension === key);
const factor = (key: string) => ({ key, dimension: meterOf(key) ? key : null, names: meterOf(key)?.label ?? CHOICES[key] ?? { fi: key } });

const STRENGTH_WORDS: Record<Link['strength'], LocalisedText> = {
  WEAK: { fi: 'heikko yhteys', sv: 'svagt samband', en: 'a weak link' },
  MODERATE: { fi: 'selvä yhteys', sv: 'tydligt samband', en: 'a clear link' },
  STRONG: { fi: 'vahva yhteys', sv: 'starkt samband', en: 'a strong link' },
};

function linkExplanation(link: Link, language: Language): string {
  const from = text(factor(link.from).names, language).toLowerCase();
  const to = text(factor(link.to).names, language).toLowerCase();
  const strength = text(STRENGTH_WORDS[link.strength], language);
  const up = link.direction === 'INCREASES';
  return {
    FI: `Jos ${from} lisääntyy tai paranee, ${to} ${up ? 'voi parantua' : 'voi heikentyä'} (${strength}).`,
    SV: `Om ${from} ökar eller blir bättre kan ${to} ${up ? 'förbättras' : 'försämras'} (${strength}).`,
    EN: `If ${from} increases or improves, ${to} may ${up ? 'improve' : 'get worse'} (${strength}).`,
  }[language];
}

export function createResolvers(repository: AssessmentRepository) {
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
      wellbeingMeters: (_: unknown, args: { language?: Language | null }) =>
        METERS.map((meter) => ({
          dimension: meter.dimension,
          inputField: meter.field,
          names: meter.label,
          explanations: meter.explanation,
          language: args.language ?? 'FI',
        })),
      wellbeingCausalModel: (_: unknown, args: { language?: Language | null }) =>
        LINKS.map((link) => ({
          ...link,
          language: args.language ?? 'FI',
          source: SOURCES[link.source]?.source ?? link.source,
          sourceUrl: SOURCES[link.source]?.url ?? null,
          link,
        })),
      myWellbeingAssessments: async (_: unknown, __: unknown, context: HowAmIDoingContext) => repository.ofPerson(requirePerson(context)),
    },
    Mutation: {
      async recordWellbeingAssessment(_: unknown, args: { meters: Record<string, number | null | undefined> }, context: HowAmIDoingContext) {
        const pseudonym = requirePerson(context);
        const readings: { dimension: string; value: number }[] = [];
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
      label: (meter: { names: LocalisedText; language: Language }, args: { language?: Language | null }) => text(meter.names, args.language ?? meter.language),
      explanation: (meter: { explanations: LocalisedText; language: Language }, args: { language?: Language | null }) =>
        text(meter.explanations, args.language ?? meter.language),
    },
    CausalLink: {
      from: (entry: { link: Link; language: Language }) => ({ ...factor(entry.link.from), language: entry.language }),
      to: (entry: { link: Link; language: Language }) => ({ ...factor(entry.link.to), language: entry.language }),
      explanation: (entry: { link: Link; language: Language }, args: { language?: Language | null }) =>
        linkExplanation(entry.link, args.language ?? entry.language),
    },
    CausalFactor: {
      label: (entry: { names: LocalisedText; language: Language }, args: { language?: Language | null }) => text(entry.names, args.language ?? entry.language),
    },
  };
}
