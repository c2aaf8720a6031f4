import type { Language } from '@aurora/subgraph-kit';

import { METERS, type Meter } from '@aurora/code-lists';

export { METERS, type Meter };
export type Wellbeing = Partial<Record<Meter, number | null>>;

export const ATTRIBUTE_NAMES = ['AGE', 'MUNICIPALITY', 'LIFE_EVENTS', 'LANGUAGE', 'WELLBEING', 'INTERESTS'] as const;
export type AttributeName = (typeof ATTRIBUTE_NAMES)[number];
export type ConsentPurpose = 'RECOMMENDATION' | 'SERVICE_TRANSFER' | 'ELIGIBILITY';

export interface Attributes {
  age: number | null;
  municipality: string | null;
  lifeEvents: string[];
  language: Language | null;
  wellbeing: Wellbeing;
  interests: string[];
  updatedAt: string | null;
}

/** Attributes as shared for one purpose: each one the person did not consent to is null. */
export type SharedValues = { [K in Exclude<keyof Attributes, 'updatedAt'>]: Attributes[K] | null };
/** Attributes as shared for one purpose, and which of them the person consented to. */
export type SharedAttributes = SharedValues & { consented: AttributeName[] };

export interface Consent {
  purpose: ConsentPurpose;
  attributes: AttributeName[];
  grantedAt: string;
}

/** One person's profile, under this subgraph's own pseudonym for them. */
export interface ProfileDocument {
  _id: string;
  attributes: Attributes;
  consents: Consent[];
  createdAt: string;
  [field: string]: unknown;
}

export const EMPTY_ATTRIBUTES: Attributes = { age: null, municipality: null, lifeEvents: [], language: null, wellbeing: {}, interests: [], updatedAt: null };

/** The `Me` of one request: its handle, and whose profile it is (never sent to anyone). */
export interface MeValue {
  handle: string;
  pseudonym: string;
}
