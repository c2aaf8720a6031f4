import { lifeEvent } from '@aurora/code-lists';
import type { LocalisedText } from '@aurora/subgraph-kit';
import { EverydayWords, type TextLanguage } from '@aurora/text-analysis';
import needMap from '../data/needs.json';
import { DIMENSIONS, type Dimension, type Situation } from './model';
import { words, type WordsByLanguage } from './text-index';

export type NeedKind = 'LIFE_EVENT' | 'WELLBEING' | 'TEXT' | 'GENERAL';

/** Something the situation calls for, with what matches it in the catalogue. */
export interface Need {
  id: string;
  kind: NeedKind;
  weight: number;
  label: LocalisedText;
  lifeEvent?: string;
  dimension?: Dimension;
  serviceClasses: string[];
  /** For a life event: what its package is incomplete without (retirement: pensions), each group one kind of service. */
  core?: Core[];
  concepts: string[];
  keywords: WordsByLanguage;
  /** For TEXT needs: whose words they are, so that search weighs the person's language. */
  language?: TextLanguage;
}

/** A life event's core services: of these service classes, or named so (the pattern, case-insensitive). */
export interface Core {
  serviceClasses: string[];
  names: RegExp;
}

interface MapEntry {
  serviceClasses: string[];
  core?: { serviceClasses: string[]; names: string }[];
  concepts?: string[];
  keywords: Record<TextLanguage, string[]>;
  label?: LocalisedText;
}

const LIFE_EVENTS = needMap.lifeEvents as Record<string, MapEntry>;
const WELLBEING = needMap.wellbeing as Record<Dimension, MapEntry>;

/** A meter at or below this adds a need; when none is, the lowest given meter does. */
const LOW_METER = 7;
const TEXT_WEIGHT = 0.9;
/** A need read from an everyday phrase of the text ("debts", "lost my job") weighs as much as the text. */
const EVERYDAY_WEIGHT = 0.9;
let everyday: EverydayWords | undefined;
const INTEREST_WEIGHT = 0.4;
/** With no situation at all: the ten meters' needs, evenly and lightly. */
const GENERAL_WEIGHT = 0.5;

/** AuroraAI's transformation: a low satisfaction is a high need. */
export const meterWeight = (meter: number): number => 1 - meter / 10.1;

export function lifeEventNeed(code: string): Need {
  // A sub-event without its own entry borrows its parent's.
  const entry = LIFE_EVENTS[code] ?? LIFE_EVENTS[lifeEvent(code)?.parent ?? ''];
  return {
    id: `LIFE_EVENT:${code}`,
    kind: 'LIFE_EVENT',
    weight: 1,
    label: lifeEvent(code)?.name ?? { fi: code },
    lifeEvent: code,
    serviceClasses: entry?.serviceClasses ?? [],
    ...(entry?.core ? { core: entry.core.map(coreOf) } : {}),
    concepts: entry?.concepts ?? [],
    keywords: entry?.keywords ?? {},
  };
}

const cores = new Map<string, Core>();
function coreOf(core: { serviceClasses: string[]; names: string }): Core {
  let known = cores.get(core.names);
  if (!known) cores.set(core.names, (known = { serviceClasses: core.serviceClasses, names: new RegExp(core.names, 'iu') }));
  return known;
}

export function wellbeingNeed(dimension: Dimension, weight: number, kind: NeedKind = 'WELLBEING'): Need {
  const entry = WELLBEING[dimension];
  return {
    id: `${kind}:${dimension}`,
    kind,
    weight,
    label: entry.label ?? { fi: dimension },
    dimension,
    serviceClasses: entry.serviceClasses,
    concepts: [],
    keywords: entry.keywords,
  };
}

/** The needs a situation adds up to: life events, low meters, the person's words and interests. */
export function needsOf(situation: Situation): { needs: Need[]; general: boolean } {
  const needs: Need[] = situation.lifeEvents.map(lifeEventNeed);
  const given = DIMENSIONS.filter((dimension) => situation.meters[dimension] !== undefined);
  const low = given.filter((dimension) => (situation.meters[dimension] as number) <= LOW_METER);
  const lowest = [...given].sort((a, b) => (situation.meters[a] as number) - (situation.meters[b] as number)).slice(0, 1);
  for (const dimension of low.length > 0 ? low : lowest) {
    needs.push(wellbeingNeed(dimension, meterWeight(situation.meters[dimension] as number)));
  }
  const language = situation.language.toLowerCase() as TextLanguage;
  if (situation.text) {
    const text = words(situation.text);
    const read = (everyday ??= EverydayWords.load()).read(situation.text);
    // The text as a whole is a need when something of it is not an everyday phrase already read as one.
    if (text.length > 0 && (read.matches.length === 0 || read.rest.length > 0)) {
      needs.push({
        id: 'TEXT',
        kind: 'TEXT',
        weight: TEXT_WEIGHT,
        label: quoted(situation.text),
        serviceClasses: [],
        concepts: [],
        keywords: { [language]: text },
        language,
      });
    }
    if (text.length > 0) {
      // Each everyday phrase of the text is a need of its own, found by the catalogue's words for it.
      read.matches.forEach((match, index) => {
        needs.push({
          id: `TEXT:${index + 1}`,
          kind: 'TEXT',
          weight: EVERYDAY_WEIGHT,
          label: quoted(match.phrase),
          serviceClasses: [],
          concepts: [],
          keywords: language === 'fi' ? { fi: [...match.catalogue, ...words(match.phrase)] } : { fi: match.catalogue, [language]: words(match.phrase) },
          language,
        });
      });
    }
  }
  if (situation.interests.length > 0) {
    needs.push({
      id: 'TEXT:INTERESTS',
      kind: 'TEXT',
      weight: INTEREST_WEIGHT,
      label: {
        fi: `kiinnostuksen kohteesi (${situation.interests.join(', ')})`,
        sv: `dina intressen (${situation.interests.join(', ')})`,
        en: `your interests (${situation.interests.join(', ')})`,
      },
      serviceClasses: [],
      concepts: [],
      keywords: { fi: situation.interests.flatMap(words), sv: situation.interests.flatMap(words), en: situation.interests.flatMap(words) },
      language,
    });
  }
  if (needs.length > 0) return { needs, general: false };
  return { needs: DIMENSIONS.map((dimension) => wellbeingNeed(dimension, GENERAL_WEIGHT, 'GENERAL')), general: true };
}

function quoted(text: string): LocalisedText {
  const short = text.length > 60 ? `${text.slice(0, 57).trimEnd()}…` : text;
  return { fi: `“${short}”`, sv: `”${short}”`, en: `“${short}”` };
}
