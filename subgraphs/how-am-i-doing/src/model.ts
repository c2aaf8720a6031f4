import causal from '../data/causal-model.json';
import meterData from '../data/meters.json';
import { DIMENSIONS, type Dimension, METERS as METER_FIELDS, type Meter as MeterField } from '@aurora/code-lists';
import type { Language, LocalisedText } from '@aurora/subgraph-kit';

export interface Meter {
  dimension: Dimension;
  field: MeterField;
  label: LocalisedText;
  explanation: LocalisedText;
}

const isDimension = (value: string): value is Dimension => (DIMENSIONS as readonly string[]).includes(value);
const isMeterField = (value: string): value is MeterField => (METER_FIELDS as readonly string[]).includes(value);

/** The meters of data/meters.json; a dimension the code lists do not know is an error that names it. */
export const METERS: readonly Meter[] = meterData.meters.map((meter) => {
  if (!isDimension(meter.dimension)) throw new Error(`data/meters.json: "${meter.dimension}" is not one of the ten meters (${DIMENSIONS.join(', ')}).`);
  if (!isMeterField(meter.field)) throw new Error(`data/meters.json: "${meter.field}" is not one of the ten meters' fields (${METER_FIELDS.join(', ')}).`);
  return { ...meter, dimension: meter.dimension, field: meter.field };
});

/** A meter as the schema shows it, in the language asked for. */
export interface MeterView {
  dimension: Dimension;
  inputField: string;
  names: LocalisedText;
  explanations: LocalisedText;
  language: Language;
}

/** A factor of the causal model: a meter, or another choice in a person's life. */
export interface FactorView {
  key: string;
  dimension: Dimension | null;
  names: LocalisedText;
  language: Language;
}

export interface Link {
  from: string;
  to: string;
  direction: 'INCREASES' | 'DECREASES';
  strength: 'WEAK' | 'MODERATE' | 'STRONG';
  source: string;
}

export const LINKS: readonly Link[] = causal.links as Link[];
export const CHOICES = causal.choices as Record<string, LocalisedText>;
export const SOURCES = causal.sources as Record<string, { source: string; url?: string }>;

/** A link of the causal model as the schema shows it. */
export interface LinkView extends Omit<Link, 'source'> {
  language: Language;
  source: string;
  sourceUrl: string | null;
  link: Link;
}

/** What each request carries: the router's pseudonym for the person, when signed in. */
export interface HowAmIDoingContext {
  pseudonym: string | null;
}
