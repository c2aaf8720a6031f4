import municipalities from '../data/municipalities.json';
import lifeEvents from '../data/life-events.json';
import serviceClasses from '../data/service-classes.json';

export interface Code {
  code: string;
  name: { fi?: string; sv?: string; en?: string };
}

/** A municipality with the region (maakunta) and wellbeing services county (hyvinvointialue) it belongs to. */
export interface MunicipalityCode extends Code {
  region: string;
  wellbeingCounty: string;
}

export const MUNICIPALITIES: readonly MunicipalityCode[] = municipalities;
/** PTV service classes (ptvserclass2): P1 … P28 and their sub-classes. */
export const SERVICE_CLASSES: readonly (Code & { parent: string | null })[] = serviceClasses as (Code & { parent: string | null })[];
export const LIFE_EVENTS: readonly (Code & { parent: string | null })[] = lifeEvents as (Code & { parent: string | null })[];

const municipalityCodes = new Set(MUNICIPALITIES.map((municipality) => municipality.code));
const lifeEventCodes = new Set(LIFE_EVENTS.map((event) => event.code));

export const isMunicipalityCode = (code: string): boolean => municipalityCodes.has(code);
export const isLifeEventCode = (code: string): boolean => lifeEventCodes.has(code);

const byCode = <C extends Code>(codes: readonly C[]) => new Map(codes.map((code) => [code.code, code]));
const lifeEventsByCode = byCode(LIFE_EVENTS);
const serviceClassesByCode = byCode(SERVICE_CLASSES);

const municipalitiesByCode = byCode(MUNICIPALITIES);

/** A municipality by its code, or undefined. */
export const municipality = (code: string) => municipalitiesByCode.get(code);

/**
 * How far a place in one municipality is from a person in another, as the code lists can tell
 * without coordinates: 0 the same municipality, 1 the same wellbeing services county, 2 the same
 * region, 3 elsewhere (or unknown). Smaller is nearer; equal is a tie.
 */
export function areaDistance(from: string, to: string): 0 | 1 | 2 | 3 {
  if (from === to) return 0;
  const a = municipalitiesByCode.get(from);
  const b = municipalitiesByCode.get(to);
  if (!a || !b) return 3;
  if (a.wellbeingCounty === b.wellbeingCounty) return 1;
  return a.region === b.region ? 2 : 3;
}

/** A life event by its code, or undefined. */
export const lifeEvent = (code: string) => lifeEventsByCode.get(code);
/** A service class by its code, or undefined. */
export const serviceClass = (code: string) => serviceClassesByCode.get(code);

/**
 * The ten meters of AuroraAI's 3X10D life-situation model: the field names GraphQL inputs and
 * profile attributes use, and the dimension names of the WellbeingDimension enum, in one order.
 */
export const METERS = [
  'family',
  'finance',
  'friends',
  'health',
  'housing',
  'improvementOfStrengths',
  'lifeSatisfaction',
  'resilience',
  'selfEsteem',
  'workingStudying',
] as const;
export type Meter = (typeof METERS)[number];
/** What each meter is about, as the GraphQL schema describes it. */
export const METER_DESCRIPTIONS: Readonly<Record<Meter, string>> = {
  family: 'Family and close people.',
  finance: 'Financial situation.',
  friends: 'Trusted friends.',
  health: 'Physical and mental health.',
  housing: 'Housing.',
  improvementOfStrengths: "Developing one's strengths, hobbies.",
  lifeSatisfaction: 'Life as a whole.',
  resilience: 'Overcoming difficulties.',
  selfEsteem: 'Self-esteem.',
  workingStudying: 'Managing at work, in studies or in daily routines.',
};
export const DIMENSIONS = [
  'FAMILY',
  'FINANCE',
  'FRIENDS',
  'HEALTH',
  'HOUSING',
  'IMPROVEMENT_OF_STRENGTHS',
  'LIFE_SATISFACTION',
  'RESILIENCE',
  'SELF_ESTEEM',
  'WORKING_STUDYING',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export const dimensionOf = (meter: Meter): Dimension => DIMENSIONS[METERS.indexOf(meter)] as Dimension;
export const meterOf = (dimension: Dimension): Meter => METERS[DIMENSIONS.indexOf(dimension)] as Meter;
