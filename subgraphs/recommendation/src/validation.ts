import { isLifeEventCode, isMunicipalityCode } from '@aurora/code-lists';
import { badUserInput, type Language } from '@aurora/subgraph-kit';
import { dimensionOf, METERS, type Meters, type Situation } from './model';

export const MAX_PACKAGES = 10;
export const DEFAULT_PACKAGES = 3;
const MAX_TEXT = 500;
const MAX_LIFE_EVENTS = 10;

export interface SituationInput {
  lifeEvents?: string[] | null;
  municipality?: string | null;
  age?: number | null;
  wellbeing?: Meters | null;
  text?: string | null;
  language?: Language | null;
  interests?: string[] | null;
}

/** How many packages to build: 1–10, default 3; otherwise an error naming the argument. */
export function packageCount(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PACKAGES;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PACKAGES) {
    throw badUserInput(`"first" must be a whole number from 1 to ${MAX_PACKAGES}; it was ${first}.`, 'first');
  }
  return first;
}

/**
 * Checks a situation field by field, naming the field and its valid forms in the error.
 * `path` is where the fields are in the request: `situation` for the query's argument.
 */
export function toSituation(input: SituationInput, path = 'situation'): Situation {
  const lifeEvents = [...new Set(input.lifeEvents ?? [])];
  if (lifeEvents.length > MAX_LIFE_EVENTS) throw badUserInput(`${path}.lifeEvents may have at most ${MAX_LIFE_EVENTS} codes.`, `${path}.lifeEvents`);
  lifeEvents.forEach((code, index) => {
    if (!isLifeEventCode(code)) {
      throw badUserInput(
        `${path}.lifeEvents[${index}] "${code.slice(0, 20)}" is not a life event code; use PTV codes KE1 … KE14 and their sub-events such as KE4.1 (see the lifeEvents query).`,
        `${path}.lifeEvents[${index}]`,
      );
    }
  });
  const municipality = input.municipality ?? null;
  if (municipality !== null && !isMunicipalityCode(municipality)) {
    throw badUserInput(
      `${path}.municipality "${municipality.slice(0, 20)}" is not a municipality code; use a 3-digit code such as 491 for Mikkeli (see the municipalities query).`,
      `${path}.municipality`,
    );
  }
  const age = input.age ?? null;
  if (age !== null && (!Number.isInteger(age) || age < 0 || age > 130)) {
    throw badUserInput(`${path}.age must be a whole number of years from 0 to 130; it was ${age}.`, `${path}.age`);
  }
  const meters: Situation['meters'] = {};
  for (const meter of METERS) {
    const value = input.wellbeing?.[meter];
    if (value === undefined || value === null) continue;
    if (!Number.isInteger(value) || value < 0 || value > 10) {
      throw badUserInput(`${path}.wellbeing.${meter} must be a whole number from 0 (worst) to 10 (best); it was ${value}.`, `${path}.wellbeing.${meter}`);
    }
    meters[dimensionOf(meter)] = value;
  }
  const text = input.text?.trim() || null;
  if (text && text.length > MAX_TEXT) {
    throw badUserInput(`${path}.text may be at most ${MAX_TEXT} characters; it was ${text.length}.`, `${path}.text`);
  }
  return {
    lifeEvents,
    municipality,
    age,
    meters,
    text,
    interests: (input.interests ?? []).slice(0, 20),
    language: input.language ?? 'FI',
  };
}
