import { isLifeEventCode, isMunicipalityCode } from '@aurora/code-lists';
import { badUserInput, type Language } from '@aurora/subgraph-kit';
import { METERS, type Attributes, type Wellbeing } from './model';

export interface AttributesInput {
  age?: number | null;
  municipality?: string | null;
  lifeEvents?: string[] | null;
  language?: Language | null;
  wellbeing?: Wellbeing | null;
  interests?: string[] | null;
}

const MAX_INTERESTS = 20;
const MAX_INTEREST_LENGTH = 60;

/**
 * Applies an attributes input to the current attributes, checking every field first: nothing
 * is written unless all of it is valid, and an error names the field and the valid forms.
 */
export function applyAttributes(current: Attributes, input: AttributesInput): Attributes {
  const next: Attributes = { ...current, wellbeing: { ...current.wellbeing } };
  if (input.age !== undefined) {
    if (input.age !== null && (!Number.isInteger(input.age) || input.age < 0 || input.age > 130)) {
      throw badUserInput(`input.age must be a whole number of years from 0 to 130; it was ${input.age}.`, 'input.age');
    }
    next.age = input.age;
  }
  if (input.municipality !== undefined) {
    if (input.municipality !== null && !isMunicipalityCode(input.municipality)) {
      throw badUserInput(
        `input.municipality "${input.municipality}" is not a municipality code; use a 3-digit code such as 491 (see the municipalities query).`,
        'input.municipality',
      );
    }
    next.municipality = input.municipality;
  }
  if (input.lifeEvents !== undefined) {
    const codes = [...new Set(input.lifeEvents ?? [])];
    codes.forEach((code, index) => {
      if (!isLifeEventCode(code)) {
        throw badUserInput(
          `input.lifeEvents[${index}] "${code}" is not a life event code; use codes such as KE8 (see the lifeEvents query).`,
          `input.lifeEvents[${index}]`,
        );
      }
    });
    next.lifeEvents = codes.sort();
  }
  if (input.language !== undefined) next.language = input.language;
  if (input.wellbeing !== undefined) {
    if (input.wellbeing === null) next.wellbeing = {};
    else {
      for (const meter of METERS) {
        const value = input.wellbeing[meter];
        if (value === undefined) continue;
        if (value !== null && (!Number.isInteger(value) || value < 0 || value > 10)) {
          throw badUserInput(`input.wellbeing.${meter} must be a whole number from 0 to 10; it was ${value}.`, `input.wellbeing.${meter}`);
        }
        next.wellbeing[meter] = value;
      }
    }
  }
  if (input.interests !== undefined) {
    const interests = (input.interests ?? []).map((interest) => interest.trim()).filter(Boolean);
    if (interests.length > MAX_INTERESTS) throw badUserInput(`input.interests may have at most ${MAX_INTERESTS} entries.`, 'input.interests');
    interests.forEach((interest, index) => {
      if (interest.length > MAX_INTEREST_LENGTH) {
        throw badUserInput(`input.interests[${index}] is longer than ${MAX_INTEREST_LENGTH} characters.`, `input.interests[${index}]`);
      }
    });
    next.interests = [...new Set(interests)];
  }
  next.updatedAt = new Date().toISOString();
  return next;
}
