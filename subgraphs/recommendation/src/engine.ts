import { createHash } from 'node:crypto';
import type { LocalisedText } from '@aurora/subgraph-kit';
import { areaDistance, SERVICE_CLASSES } from '@aurora/code-lists';
import { isForBusinesses, mentionsBusiness, type TextLanguage } from '@aurora/text-analysis';
import { inferLabels, type LabelScores } from './labels';
import { DIMENSIONS, type ChannelKind, type Dimension, type IndexedService, type Place, type Situation } from './model';
import { needsOf, type Core, type Need } from './needs';
import { TextIndex, type TextAnalysis } from './text-index';

/** How much each kind of evidence says that a service meets a need (combined as a noisy-or). */
export interface EvidenceWeights {
  /** The service is tagged with the life event (or one of its sub-events). */
  tag: number;
  /** The service has a service class the need lists (or a sub-class of one). */
  serviceClass: number;
  /** The service has an ontology concept the need lists. */
  concept: number;
  /** The need's keywords match the service's text (times the relative BM25 score). */
  keyword: number;
  /** A hand-set 3X10D label for the need's meter. */
  handLabel: number;
  /** An inferred 3X10D label (times its confidence). */
  inferredLabel: number;
  /** The person's own words match the service's text (times the relative BM25 score). */
  text: number;
  /** How strongly packages avoid two services of one provider, 0–1. */
  providerRedundancy: number;
}

export const DEFAULT_WEIGHTS: EvidenceWeights = {
  tag: 0.8,
  serviceClass: 0.6,
  concept: 0.5,
  keyword: 0.6,
  handLabel: 0.9,
  inferredLabel: 0.8,
  text: 0.9,
  providerRedundancy: 0.3,
};

export interface EngineOptions {
  weights?: Partial<EvidenceWeights>;
  /** Label inference settings; `false` leaves unlabelled services without meters (for comparison). */
  inference?: { k?: number; threshold?: number } | false;
  /** How service texts are analysed for matching (see TextAnalysis); compounds unless said. */
  analysis?: TextAnalysis;
}

/** Why a service meets a need. */
export interface Evidence {
  lifeEvent?: string;
  serviceClass?: string;
  concept?: boolean;
  terms?: string[];
  label?: { dimension: Dimension; source: 'HAND' | 'INFERRED'; confidence: number };
}

interface Match {
  relevance: number;
  evidence: Evidence;
}

/** What the person's own history says: feedback per service, and everyone's smoothed counts. */
export interface History {
  /** Feedback kinds this person gave, per service id. */
  personal: Map<string, Set<'USED' | 'HELPFUL' | 'NOT_RELEVANT'>>;
  /** Everyone's feedback for a service: positive (used, helpful) and negative (not relevant) counts. */
  aggregate(serviceId: string): { positive: number; negative: number };
}

export const NO_HISTORY: History = { personal: new Map(), aggregate: () => ({ positive: 0, negative: 0 }) };

export type Reason =
  | { kind: 'LIFE_EVENT'; code: string }
  | { kind: 'SERVICE_CLASS'; code: string }
  | { kind: 'CONCEPT' }
  | { kind: 'WORDS'; terms: string[] }
  | { kind: 'LABEL'; dimension: Dimension; source: 'HAND' | 'INFERRED'; confidence: number }
  | { kind: 'LOCAL'; municipality: string }
  | { kind: 'NATIONWIDE' }
  | { kind: 'VISIT'; place: PlaceToVisit }
  | { kind: 'HELPED_YOU' }
  | { kind: 'USED_BEFORE' }
  | { kind: 'HELPED_OTHERS'; positive: number; total: number };

/**
 * The place to visit a package names for a service: in the person's municipality when it has one
 * there, else the nearest the code lists can tell (the same wellbeing services county, then the
 * same region), else any, always with the municipality it is in; `distance` null when the person
 * gave no municipality (or the address none).
 */
export interface PlaceToVisit extends Place {
  /** 0 in the person's municipality, 1 the same wellbeing services county, 2 the same region, 3 elsewhere. */
  distance: 0 | 1 | 2 | 3 | null;
}

export interface RankedService {
  id: string;
  score: number;
  /** Relevance to each need, in the order of the needs (one array, not a map per service: a request ranks thousands). */
  relevance: (Match | undefined)[];
}

export interface PackageItem {
  serviceId: string;
  score: number;
  need: Need | null;
  reasons: Reason[];
  /** Where to go in person, when the service has a place to visit. */
  place: PlaceToVisit | null;
  /** The service's 3X10D labels, hand-set or inferred. */
  labels: { dimension: Dimension; source: 'HAND' | 'INFERRED'; confidence: number }[];
}

export interface ServicePackage {
  id: string;
  score: number;
  items: PackageItem[];
  /** Needs the package covers, most covered first, with the share covered. */
  covered: { need: Need; share: number }[];
  basis: 'SITUATION' | 'GENERAL';
  /** When another package of the answer covers the same needs: what sets this one apart, for its title. */
  distinction: Distinction | null;
}

export type Distinction = { serviceClass: string } | { service: LocalisedText };

export interface Recommendation {
  needs: Need[];
  general: boolean;
  packages: ServicePackage[];
}

export interface RankOptions {
  /** STRICT (default) keeps the area filter; ANY drops it (the evaluation ranks without area). */
  area?: 'STRICT' | 'ANY';
  history?: History;
  /** Services never to rank (the evaluation leaves out those whose labels it trained on). */
  exclude?: Set<string>;
  /** Candidates to keep, best first. */
  limit?: number;
}

const MIN_ITEMS = 3;
/** A life event's core services considered for its first package, best first. */
const CORE_CANDIDATES = 20;
const MAX_ITEMS = 6;
const CANDIDATES = 200;
const PER_NEED = 500;

/**
 * Ages. A service only for seniors (target group KR1.1) is filtered out below SENIOR_AGE, one
 * only for young people (KR1.3) above YOUNG_AGE. A name that only hints at its audience
 * ("Nuorisotilat", "Servicestyrning för äldre") lowers the score instead, for young people's
 * services past YOUNG_AGE as the filter does, and for older people's services already below
 * SENIOR_HINT_AGE: a hint is weaker evidence than a target group, and a person of 55 may be
 * looking for a parent.
 */
const SENIOR_AGE = 60;
const SENIOR_HINT_AGE = 50;
const YOUNG_AGE = 29;

/** How much the person's own history lifts a service, in the ranking and in a package. */
const HELPED_BOOST = 1.3;
const USED_BOOST = 1.1;
/** A general answer (the person said nothing) prefers services everyone can use. */
const GENERAL_LOCAL_FACTOR = 0.5;
/** Small preferences: in the person's municipality, in their language. */
const LOCAL_BOOST = 1.05;
const LANGUAGE_BOOST = 1.03;
/** In a package: a service whose channel kinds the package has already, and a place to visit where the person lives. */
const SAME_CHANNELS_FACTOR = 0.9;
const LOCAL_PLACE_BOOST = 1.15;
/** Past MIN_ITEMS, a package stops when the next service would add less than this share of the needs. */
const MIN_GAIN = 0.02;

/** A service that meets some of a request's needs, before the person's filters and history. */
interface Candidate {
  id: string;
  entry: Entry;
  relevance: (Match | undefined)[];
  covered: number;
}

interface Entry {
  service: IndexedService;
  labels: LabelScores;
  classes: Set<string>;
  /** Who the service's own name or summary says it is for, when it says. */
  audience: 'YOUNG' | 'SENIOR' | null;
  /** How much one of its life-event tags says: 1, less when the service is tagged with many events. */
  tagSpecificity: number;
  /** Its first name, lower-cased: the same service under another record has the same. */
  nameKey: string;
  /** Whether it is for companies only (see isForBusinesses). */
  business: boolean;
}

/**
 * A tag says less when the service carries many: a tax card tagged with seven life events is not
 * the answer to each of them. Up to this many top-level events a tag weighs fully, beyond it
 * in proportion.
 */
const SPECIFIC_TAGS = 3;
function tagSpecificity(service: IndexedService): number {
  const events = new Set(service.lifeEvents.map((code) => code.split('.')[0]));
  return Math.min(1, SPECIFIC_TAGS / Math.max(1, events.size));
}

// Many services carry no target groups; their names often say whom they are for ("Nuorisotilat",
// "Servicestyrning för äldre"). That is a hint, not a rule: it lowers the score, it does not filter.
const YOUNG =
  /\b(nuor|lasten|lapsi|leikki|koululai|oppilas|perusopetu|kouluterv|päiväkot|varhaiskasv|young|youth|child|children|kids?\b|pupil|school health|ungdom|unga\b|barn|elev|skolhälso)/i;
const SENIOR = /\b(ikäänty|ikäihmi|vanhus|vanhuks|eläkeläi|senior|elderly|older people|äldre|pensionär)/i;
const AUDIENCE_PENALTY = 0.25;

function audienceOf(service: IndexedService): Entry['audience'] {
  const text = [service.name.fi, service.name.sv, service.name.en, service.summary.fi, service.summary.en].filter(Boolean).join(' ');
  const young = YOUNG.test(text);
  const senior = SENIOR.test(text);
  return young === senior ? null : young ? 'YOUNG' : 'SENIOR';
}

/**
 * The recommendation engine over the engine's own copy of the catalogue. Built once per index
 * version (texts indexed, labels inferred, needs' evidence precomputed on first use); each
 * request then filters, scores and builds packages in memory.
 */
export class RecommendationEngine {
  private readonly entries = new Map<string, Entry>();
  private readonly text: TextIndex;
  private readonly byClass = new Map<string, string[]>();
  private readonly byConcept = new Map<string, string[]>();
  private readonly needCache = new Map<string, Map<string, Match>>();
  private readonly cores = new Map<Core, Set<string>>();
  private generalCandidates: Candidate[] | null = null;
  readonly weights: EvidenceWeights;

  constructor(services: IndexedService[], options: EngineOptions = {}) {
    this.weights = { ...DEFAULT_WEIGHTS, ...options.weights };
    const active = services.filter((service) => service.status === 'ACTIVE');
    const labels = options.inference === false ? handLabelsOnly(active) : inferLabels(active, options.inference || {});
    for (const service of active) {
      const classes = new Set(service.serviceClasses.flatMap(withAncestors));
      this.entries.set(service._id, {
        service,
        labels: labels.get(service._id) as LabelScores,
        classes,
        audience: audienceOf(service),
        tagSpecificity: tagSpecificity(service),
        nameKey: `name:${(service.name.fi ?? service.name.sv ?? service.name.en ?? '').toLowerCase()}`,
        business: forBusinesses(service),
      });
      for (const code of classes) push(this.byClass, code, service._id);
      for (const concept of service.concepts) push(this.byConcept, concept, service._id);
    }
    this.text = new TextIndex(active, options.analysis);
  }

  get size(): number {
    return this.entries.size;
  }

  service(id: string): IndexedService | undefined {
    return this.entries.get(id)?.service;
  }

  labelsOf(id: string): LabelScores | undefined {
    return this.entries.get(id)?.labels;
  }

  counts(): { labelled: number; inferred: number } {
    let labelled = 0;
    let inferred = 0;
    for (const entry of this.entries.values()) {
      if (entry.labels.source === 'HAND') labelled += 1;
      else if (entry.labels.source === 'INFERRED') inferred += 1;
    }
    return { labelled, inferred };
  }

  /** The BM25 ranking alone (the evaluation's baseline). */
  bm25(words: Partial<Record<TextLanguage, string[]>>): { id: string; score: number }[] {
    return this.text.rank(words).filter((hit) => this.entries.has(hit.id));
  }

  /** Whether the situation's hard filters let the service through: area, language, age and target group, status. */
  eligible(service: IndexedService, situation: Situation, area: 'STRICT' | 'ANY' = 'STRICT'): boolean {
    const entry = this.entries.get(service._id);
    return violations(service, situation, area, entry?.service === service ? entry.business : undefined).length === 0;
  }

  /** Services ranked for the situation, each with its relevance to every need. */
  rank(situation: Situation, options: RankOptions = {}): { needs: Need[]; general: boolean; ranked: RankedService[] } {
    const { needs, general } = needsOf(situation);
    const history = options.history ?? NO_HISTORY;
    // Everyone who says nothing has the same general needs: their candidates are combined once per index.
    const candidates = general ? (this.generalCandidates ??= this.combine(needs)) : this.combine(needs);
    const ranked: RankedService[] = [];
    for (const { id, entry, relevance, covered } of candidates) {
      if (options.exclude?.has(id)) continue;
      if (violations(entry.service, situation, options.area, entry.business).length > 0) continue;
      const personal = history.personal.get(id);
      if (personal?.has('NOT_RELEVANT')) continue;
      let score = covered * priorOf(history.aggregate(id));
      if (personal?.has('HELPFUL')) score *= HELPED_BOOST;
      else if (personal?.has('USED')) score *= USED_BOOST;
      if (general && !entry.service.nationwide) score *= GENERAL_LOCAL_FACTOR;
      if (
        situation.age !== null &&
        ((entry.audience === 'YOUNG' && situation.age > YOUNG_AGE) || (entry.audience === 'SENIOR' && situation.age < SENIOR_HINT_AGE))
      )
        score *= AUDIENCE_PENALTY;
      if (situation.municipality && entry.service.municipalities.includes(situation.municipality)) score *= LOCAL_BOOST;
      if (entry.service.languages.includes(situation.language)) score *= LANGUAGE_BOOST;
      ranked.push({ id, score, relevance });
    }
    ranked.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    return { needs, general, ranked: options.limit ? ranked.slice(0, options.limit) : ranked };
  }

  /** Every service that meets one of the needs, with its relevance to each and the weighted share of the needs it covers. */
  private combine(needs: Need[]): Candidate[] {
    const total = needs.reduce((sum, need) => sum + need.weight, 0);
    const byService = new Map<string, Candidate>();
    needs.forEach((need, at) => {
      for (const [id, match] of this.matches(need)) {
        let candidate = byService.get(id);
        if (!candidate)
          byService.set(id, (candidate = { id, entry: this.entries.get(id) as Entry, relevance: new Array<Match | undefined>(needs.length), covered: 0 }));
        candidate.relevance[at] = match;
      }
    });
    for (const candidate of byService.values()) {
      let covered = 0;
      for (let at = 0; at < needs.length; at += 1) covered += (needs[at] as Need).weight * (candidate.relevance[at]?.relevance ?? 0);
      candidate.covered = covered / total;
    }
    return [...byService.values()];
  }

  /** Service packages for the situation: several distinct ones, best first. */
  recommend(situation: Situation, first: number, history: History = NO_HISTORY): Recommendation {
    const { needs, general, ranked, core } = this.candidates(situation, history);
    // The same service never twice in one answer, under its own id or as another record of one name.
    const used = new Set<string>();
    const packages: ServicePackage[] = [];
    while (packages.length < first) {
      const fresh = (candidate: RankedService) => !used.has(candidate.id) && !used.has(this.nameOf(candidate.id));
      const required = packages.length === 0 ? core : [];
      const pool = [...ranked, ...required.flat().filter((candidate) => !ranked.includes(candidate))].filter(fresh);
      const built = this.buildPackage(pool, needs, situation, history, general, required);
      if (!built) break;
      for (const item of built.items) {
        used.add(item.serviceId);
        used.add(this.nameOf(item.serviceId));
      }
      packages.push(built);
    }
    distinguish(packages, (id) => (this.entries.get(id) as Entry).service);
    return { needs, general, packages };
  }

  /**
   * The best candidates for packages, and for each life event's core group its best members
   * (retirement: a pension), where the catalogue has one: the first package holds them. The
   * rest of the ranking (a thousand or so services) is not kept through package building.
   */
  private candidates(situation: Situation, history: History): { needs: Need[]; general: boolean; ranked: RankedService[]; core: RankedService[][] } {
    const { needs, general, ranked: all } = this.rank(situation, { history });
    const core = needs.flatMap((need, at) =>
      (need.core ?? []).flatMap((group) => {
        const coreIds = this.coreServices(group);
        const members: RankedService[] = [];
        for (const candidate of all) {
          if (members.length >= CORE_CANDIDATES) break;
          if (coreIds.has(candidate.id) && (candidate.relevance[at]?.relevance ?? 0) > 0) members.push(candidate);
        }
        return members.length > 0 ? [members] : [];
      }),
    );
    return { needs, general, ranked: all.slice(0, CANDIDATES), core };
  }

  /**
   * One package by greedy weighted coverage (xQuAD-style): each step takes the service that
   * covers most of what is still uncovered, weighted by need, less a redundancy penalty for a
   * provider or channel kinds already in the package; a place to visit is preferred when the
   * person gave a municipality and the package has none. Each group of `required` (a life
   * event's core services) is represented first, by its member that gains most.
   */
  private buildPackage(
    candidates: RankedService[],
    needs: Need[],
    situation: Situation,
    history: History,
    general: boolean,
    required: RankedService[][] = [],
  ): ServicePackage | null {
    const missing = required.map((group) => new Set(group.map((candidate) => candidate.id)));
    const residual = needs.map(() => 1);
    const total = needs.reduce((sum, need) => sum + need.weight, 0);
    const items: PackageItem[] = [];
    const providers = new Set<string>();
    const kinds = new Set<ChannelKind>();
    const chosen = new Set<string>();
    const names = new Set<string>();
    let local = false;
    while (items.length < MAX_ITEMS) {
      let best: { candidate: RankedService; gain: number; need: Need | null } | null = null;
      const group = missing.find((ids) => ids.size > 0 && ![...ids].some((id) => chosen.has(id)) && [...ids].some((id) => !names.has(this.nameOf(id))));
      for (const candidate of candidates) {
        if (chosen.has(candidate.id)) continue;
        if (group && !group.has(candidate.id)) continue;
        const service = (this.entries.get(candidate.id) as Entry).service;
        const name = this.nameOf(candidate.id);
        if (names.has(name)) continue; // the same service under another record
        let gain = 0;
        let bestNeed: Need | null = null;
        let bestNeedGain = 0;
        for (let at = 0; at < needs.length; at += 1) {
          const need = needs[at] as Need;
          const part = need.weight * (candidate.relevance[at]?.relevance ?? 0) * (residual[at] as number);
          gain += part;
          if (part > bestNeedGain) {
            bestNeedGain = part;
            bestNeed = need;
          }
        }
        // Half of a candidate's gain is what it covers, half how it ranks against the best candidate.
        gain = (gain / total) * (0.5 + 0.5 * Math.min(1, candidate.score / (candidates[0]?.score || 1)));
        // What the person said helped them is preferred in the package too, not only in the ranking.
        const personal = history.personal.get(candidate.id);
        if (personal?.has('HELPFUL')) gain *= HELPED_BOOST;
        else if (personal?.has('USED')) gain *= USED_BOOST;
        if (service.providerId && providers.has(service.providerId)) gain *= 1 - this.weights.providerRedundancy;
        if (service.channelKinds.length > 0 && service.channelKinds.every((kind) => kinds.has(kind))) gain *= SAME_CHANNELS_FACTOR;
        // A place to visit is welcome when it is where the person lives, not when it is elsewhere.
        if (situation.municipality && !local && service.places.some((place) => place.municipality === situation.municipality)) gain *= LOCAL_PLACE_BOOST;
        if (!best || gain > best.gain) best = { candidate, gain, need: bestNeed };
      }
      if (!best || (best.gain <= 0 && !group)) break;
      if (items.length >= MIN_ITEMS && best.gain < MIN_GAIN && !group) break;
      const service = (this.entries.get(best.candidate.id) as Entry).service;
      chosen.add(best.candidate.id);
      names.add(this.nameOf(best.candidate.id));
      const place = placeFor(service, situation.municipality);
      if (place?.distance === 0) local = true;
      if (service.providerId) providers.add(service.providerId);
      for (const kind of service.channelKinds) kinds.add(kind);
      for (let at = 0; at < needs.length; at += 1) residual[at] = (residual[at] as number) * (1 - (best.candidate.relevance[at]?.relevance ?? 0));
      items.push({
        serviceId: best.candidate.id,
        score: round(best.candidate.score),
        need: best.need,
        reasons: this.reasons(best.candidate, best.need ? best.candidate.relevance[needs.indexOf(best.need)] : undefined, situation, history, place),
        place,
        labels: this.labelList(best.candidate.id),
      });
    }
    if (items.length < MIN_ITEMS) return null;
    const covered = needs
      .map((need, at) => ({ need, share: round(1 - (residual[at] as number)) }))
      .filter((entry) => entry.share > 0)
      .sort((a, b) => b.share * b.need.weight - a.share * a.need.weight);
    const score = round(needs.reduce((sum, need, at) => sum + need.weight * (1 - (residual[at] as number)), 0) / total);
    const id = createHash('sha256')
      .update(items.map((item) => item.serviceId).join(','))
      .digest('base64url')
      .slice(0, 16);
    return { id, score, items, covered, basis: general ? 'GENERAL' : 'SITUATION', distinction: null };
  }

  private labelList(id: string): PackageItem['labels'] {
    const labels = this.entries.get(id)?.labels;
    if (!labels || labels.source === 'NONE') return [];
    const source = labels.source;
    return DIMENSIONS.flatMap((dimension, index) => {
      const confidence = labels.scores[index] as number;
      return confidence > 0 ? [{ dimension, source, confidence: round(confidence) }] : [];
    });
  }

  /** Whether the service is one of a life event's core services (by service class or name). */
  isCore(id: string, core: Core): boolean {
    return this.coreServices(core).has(id);
  }

  /** A core group's services, found once per index: each request then only looks them up. */
  private coreServices(core: Core): Set<string> {
    let members = this.cores.get(core);
    if (!members) {
      members = new Set();
      const { serviceClasses, names } = core;
      for (const entry of this.entries.values()) {
        const name = entry.service.name;
        if (serviceClasses.some((code) => entry.classes.has(code)) || [name.fi, name.sv, name.en].some((text) => !!text && names.test(text)))
          members.add(entry.service._id);
      }
      this.cores.set(core, members);
    }
    return members;
  }

  /** A service's name as one record of it among others: its first name, lower-cased. */
  private nameOf(id: string): string {
    return (this.entries.get(id) as Entry).nameKey;
  }

  private reasons(candidate: RankedService, match: Match | undefined, situation: Situation, history: History, place: PlaceToVisit | null): Reason[] {
    const reasons: Reason[] = [];
    const evidence = match?.evidence;
    if (evidence?.lifeEvent) reasons.push({ kind: 'LIFE_EVENT', code: evidence.lifeEvent });
    if (evidence?.serviceClass) reasons.push({ kind: 'SERVICE_CLASS', code: evidence.serviceClass });
    if (evidence?.label) reasons.push({ kind: 'LABEL', ...evidence.label });
    if (evidence?.terms?.length) reasons.push({ kind: 'WORDS', terms: evidence.terms.slice(0, 4) });
    if (evidence?.concept && !evidence.serviceClass) reasons.push({ kind: 'CONCEPT' });
    const service = (this.entries.get(candidate.id) as Entry).service;
    if (situation.municipality && service.municipalities.includes(situation.municipality))
      reasons.push({ kind: 'LOCAL', municipality: situation.municipality });
    else if (service.nationwide) reasons.push({ kind: 'NATIONWIDE' });
    if (place) reasons.push({ kind: 'VISIT', place });
    const personal = history.personal.get(candidate.id);
    if (personal?.has('HELPFUL')) reasons.push({ kind: 'HELPED_YOU' });
    else if (personal?.has('USED')) reasons.push({ kind: 'USED_BEFORE' });
    const aggregate = history.aggregate(candidate.id);
    if (aggregate.positive >= 3 && aggregate.positive > aggregate.negative) {
      reasons.push({ kind: 'HELPED_OTHERS', positive: aggregate.positive, total: aggregate.positive + aggregate.negative });
    }
    return reasons;
  }

  /** The services that meet a need, with how well and why; computed once per need and index. */
  private matches(need: Need): Map<string, Match> {
    // A person's own words are searched afresh; an everyday phrase's needs recur and are kept like the rest.
    const key =
      need.kind !== 'TEXT'
        ? need.id.replace(/^GENERAL:/, 'WELLBEING:')
        : need.id.startsWith('TEXT:') && need.id !== 'TEXT:INTERESTS' && this.needCache.size < NEED_CACHE_LIMIT
          ? `TEXT:${JSON.stringify([need.keywords, need.language])}`
          : null;
    const cached = key ? this.needCache.get(key) : undefined;
    if (cached) return cached;
    const weights = this.weights;
    const evidence = new Map<string, { misses: number; evidence: Evidence }>();
    const add = (id: string, strength: number, found: Evidence) => {
      if (strength <= 0 || !this.entries.has(id)) return;
      let entry = evidence.get(id);
      if (!entry) evidence.set(id, (entry = { misses: 1, evidence: {} }));
      entry.misses *= 1 - Math.min(strength, 0.99);
      for (const [field, value] of Object.entries(found)) {
        if ((entry.evidence as Record<string, unknown>)[field] === undefined) (entry.evidence as Record<string, unknown>)[field] = value;
      }
    };
    if (need.lifeEvent) {
      const code = need.lifeEvent;
      for (const entry of this.entries.values()) {
        const tagged = entry.service.lifeEvents.find((event) => event === code || event.startsWith(`${code}.`));
        if (tagged) add(entry.service._id, weights.tag * entry.tagSpecificity, { lifeEvent: tagged });
      }
    }
    for (const code of need.serviceClasses) for (const id of this.byClass.get(code) ?? []) add(id, weights.serviceClass, { serviceClass: code });
    for (const concept of need.concepts) for (const id of this.byConcept.get(concept) ?? []) add(id, weights.concept, { concept: true });
    const strength = need.kind === 'TEXT' ? weights.text : weights.keyword;
    for (const [id, match] of this.text.search(need.keywords, need.language ?? null, PER_NEED)) add(id, strength * match.score, { terms: match.terms });
    if (need.dimension) {
      const index = DIMENSIONS.indexOf(need.dimension);
      for (const entry of this.entries.values()) {
        const confidence = entry.labels.scores[index] as number;
        if (confidence <= 0 || entry.labels.source === 'NONE') continue;
        const source = entry.labels.source;
        add(entry.service._id, (source === 'HAND' ? weights.handLabel : weights.inferredLabel) * confidence, {
          label: { dimension: need.dimension, source, confidence: round(confidence) },
        });
      }
    }
    const matches = new Map<string, Match>(
      [...evidence.entries()]
        .map(([id, entry]) => [id, { relevance: 1 - entry.misses, evidence: entry.evidence }] as const)
        .sort((a, b) => b[1].relevance - a[1].relevance || (a[0] < b[0] ? -1 : 1))
        .slice(0, PER_NEED),
    );
    if (key) this.needCache.set(key, matches);
    return matches;
  }
}

/** How many of the needs a package covers most name it; packages alike in these are told apart. */
export const TITLE_NEEDS = 3;

/**
 * Gives each package that covers the same needs as another one a distinction: the service
 * class most frequent among its services and least among the others' (one no earlier package
 * of the group took), else the name of its first service that no other package uses.
 */
export function distinguish(packages: ServicePackage[], serviceOf: (id: string) => IndexedService): void {
  const groups = new Map<string, ServicePackage[]>();
  for (const pack of packages) {
    const key = pack.covered
      .slice(0, TITLE_NEEDS)
      .map((entry) => entry.need.id)
      .sort()
      .join('|');
    const group = groups.get(key);
    if (group) group.push(pack);
    else groups.set(key, [pack]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const classes = group.map((pack) => counts(pack.items.flatMap((item) => serviceOf(item.serviceId).serviceClasses)));
    const taken = new Set<string>();
    group.forEach((pack, index) => {
      let best: { code: string; score: number } | null = null;
      for (const [code, count] of classes[index] as Map<string, number>) {
        if (taken.has(code)) continue;
        const elsewhere = classes.reduce((sum, other, at) => sum + (at === index ? 0 : (other.get(code) ?? 0)), 0);
        const score = count - elsewhere;
        if (!best || score > best.score || (score === best.score && code < best.code)) best = { code, score };
      }
      if (best) {
        taken.add(best.code);
        pack.distinction = { serviceClass: best.code };
      } else {
        const first = pack.items[0];
        pack.distinction = first ? { service: serviceOf(first.serviceId).name } : null;
      }
    });
  }
}

function counts(values: string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const value of values) map.set(value, (map.get(value) ?? 0) + 1);
  return map;
}

/** The service's place to visit nearest to the person's municipality (see PlaceToVisit), or null when it has none. */
export function placeFor(service: IndexedService, municipality: string | null): PlaceToVisit | null {
  let best: Place | null = null;
  let bestDistance: PlaceToVisit['distance'] = null;
  let bestRank = Infinity;
  for (const place of service.places ?? []) {
    const distance = municipality && place.municipality ? areaDistance(municipality, place.municipality) : null;
    const rank = distance ?? (place.municipality ? 3.5 : 4);
    if (rank < bestRank || (rank === bestRank && best && placeKey(place) < placeKey(best))) {
      best = place;
      bestDistance = distance;
      bestRank = rank;
    }
  }
  return best ? { channelId: best.channelId, municipality: best.municipality, distance: bestDistance } : null;
}
const placeKey = (place: Place) => `${place.municipality ?? '~'}:${place.channelId}`;

/** How many needs' matches an engine keeps: the life events and meters, and everyday phrases as they recur. */
const NEED_CACHE_LIMIT = 5000;

const forBusinesses = (service: IndexedService): boolean => isForBusinesses(service.name, service.targetGroups, service.summary);
// Asked for every candidate service of a request: worked out once per text.
let lastText: { text: string; business: boolean } | null = null;
function aboutBusiness(text: string | null | undefined): boolean {
  if (!text) return false;
  if (lastText?.text !== text) lastText = { text, business: mentionsBusiness(text) };
  return lastText.business;
}

/**
 * Which hard filters a service fails for a situation; empty when it may be recommended.
 * `business` is whether the service is for companies only, when the caller knows it already.
 */
export function violations(service: IndexedService, situation: Situation, area: 'STRICT' | 'ANY' = 'STRICT', business?: boolean): string[] {
  const failed: string[] = [];
  if (service.status !== 'ACTIVE') failed.push('archived');
  if (area === 'STRICT' && !service.nationwide && !(situation.municipality && service.municipalities.includes(situation.municipality))) failed.push('area');
  if (service.languages.length > 0 && !service.languages.includes(situation.language)) failed.push('language');
  const groups = service.targetGroups;
  if (groups.length > 0 && !groups.some((group) => group === 'KR1' || group.startsWith('KR1.'))) failed.push('target group');
  // A person's packages hold services for people: one for companies only when the person says it is about a business.
  else if ((business ?? forBusinesses(service)) && !aboutBusiness(situation.text)) failed.push('for businesses');
  if (situation.age !== null && groups.length > 0 && groups.every((group) => group.startsWith('KR1.'))) {
    const only = (code: string) => groups.every((group) => group === code);
    if (only('KR1.1') && situation.age < SENIOR_AGE) failed.push('age');
    if (only('KR1.3') && situation.age > YOUNG_AGE) failed.push('age');
  }
  return failed;
}

/** Everyone's feedback as a multiplier around 1: Beta(2, 2)-smoothed share of positive feedback. */
export function priorOf({ positive, negative }: { positive: number; negative: number }): number {
  const share = (positive + 2) / (positive + negative + 4);
  return 0.8 + 0.4 * share;
}

function handLabelsOnly(services: IndexedService[]): Map<string, LabelScores> {
  return new Map(
    services.map((service) => {
      const scores = new Float32Array(DIMENSIONS.length);
      for (const label of service.labels) scores[DIMENSIONS.indexOf(label)] = 1;
      return [service._id, { source: service.labels.length > 0 ? 'HAND' : 'NONE', scores }];
    }),
  );
}

const PARENT = new Map(SERVICE_CLASSES.map((serviceClass) => [serviceClass.code, serviceClass.parent]));

function withAncestors(code: string): string[] {
  const codes = [code];
  let parent = PARENT.get(code) ?? null;
  while (parent && !codes.includes(parent)) {
    codes.push(parent);
    parent = PARENT.get(parent) ?? null;
  }
  return codes;
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const round = (value: number) => Math.round(value * 1000) / 1000;
