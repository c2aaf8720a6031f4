import municipalities from '../data/municipalities.json';
import lifeEvents from '../data/life-events.json';

export interface Code {
  code: string;
  name: { fi?: string; sv?: string; en?: string };
}

export const MUNICIPALITIES: readonly Code[] = municipalities;
export const LIFE_EVENTS: readonly (Code & { parent: string | null })[] = lifeEvents as (Code & { parent: string | null })[];

const municipalityCodes = new Set(MUNICIPALITIES.map((municipality) => municipality.code));
const lifeEventCodes = new Set(LIFE_EVENTS.map((event) => event.code));

export const isMunicipalityCode = (code: string): boolean => municipalityCodes.has(code);
export const isLifeEventCode = (code: string): boolean => lifeEventCodes.has(code);
