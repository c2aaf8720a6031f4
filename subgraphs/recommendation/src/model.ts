import type { Language, LocalisedText } from '@aurora/subgraph-kit';

// The ten 3X10D meters, as the directory names them (WellbeingDimension) and as inputs do.
import { DIMENSIONS, dimensionOf, METERS, type Dimension, type Meter } from '@aurora/code-lists';

export { DIMENSIONS, dimensionOf, METERS, type Dimension, type Meter };
export type Meters = Partial<Record<Meter, number | null>>;

export type ChannelKind = 'ELECTRONIC' | 'PHONE' | 'SERVICE_LOCATION' | 'WEB_PAGE' | 'PRINTABLE_FORM';

/**
 * One service as the engine keeps it in its own index: what it needs to filter, score and
 * explain, copied from the network's public interface.
 */
export interface IndexedService {
  _id: string;
  name: LocalisedText;
  summary: LocalisedText;
  /** The beginning of the description: enough to match on. */
  description: LocalisedText;
  providerId: string | null;
  lifeEvents: string[];
  serviceClasses: string[];
  targetGroups: string[];
  concepts: string[];
  nationwide: boolean;
  municipalities: string[];
  languages: Language[];
  channelKinds: ChannelKind[];
  /** Where the service can be visited: its service locations in use and their municipalities (null: not given). */
  places: Place[];
  /** Hand-set 3X10D labels from the catalogue. */
  labels: Dimension[];
  status: 'ACTIVE' | 'ARCHIVED';
  modified: string;
  [field: string]: unknown;
}

/** A service location and the municipality of its visiting address. */
export interface Place {
  channelId: string;
  municipality: string | null;
}

/** A person's situation after validation. */
export interface Situation {
  lifeEvents: string[];
  municipality: string | null;
  age: number | null;
  meters: Partial<Record<Dimension, number>>;
  text: string | null;
  interests: string[];
  language: Language;
}

export const emptySituation = (language: Language = 'FI'): Situation => ({
  lifeEvents: [],
  municipality: null,
  age: null,
  meters: {},
  text: null,
  interests: [],
  language,
});
