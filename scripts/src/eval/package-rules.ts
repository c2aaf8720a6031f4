/**
 * The package rules a person can trust, checked on an answer of the engine: what
 * `eval:recommendations` counts as violations besides the hard filters.
 */
import { packageTitle, placeFor, type IndexedService, type Recommendation, type RecommendationEngine, type Situation } from '@aurora/recommendation';

const nameOf = (service: IndexedService) => (service.name.fi ?? service.name.sv ?? service.name.en ?? '').toLowerCase();

/** Each broken rule as a short line naming the package or service. */
export function packageRuleViolations(engine: RecommendationEngine, situation: Situation, result: Recommendation): string[] {
  const found: string[] = [];
  const service = (id: string) => engine.service(id) as IndexedService;
  // The same service never twice in one answer, under its id or another record of its name.
  const ids = new Set<string>();
  const names = new Set<string>();
  for (const item of result.packages.flatMap((pack) => pack.items)) {
    const name = nameOf(service(item.serviceId));
    if (ids.has(item.serviceId) || names.has(name)) found.push(`repeated in one answer: ${name}`);
    ids.add(item.serviceId);
    names.add(name);
  }
  // Each package titled apart from the others.
  const titles = result.packages.map((pack) => packageTitle(pack, situation.language));
  if (new Set(titles).size < titles.length) found.push(`two packages titled alike: ${titles.join(' | ')}`);
  // A place to visit is claimed in the person's municipality only where an address is; otherwise the place named is the nearest.
  for (const item of result.packages.flatMap((pack) => pack.items)) {
    const own = service(item.serviceId);
    const nearest = placeFor(own, situation.municipality);
    if (!item.place) {
      if (nearest) found.push(`place to visit not named: ${nameOf(own)}`);
      continue;
    }
    const listed = own.places.some((place) => place.channelId === item.place?.channelId && place.municipality === item.place?.municipality);
    if (!listed) found.push(`a place the service does not have: ${nameOf(own)}`);
    if (item.place.distance === 0 && item.place.municipality !== situation.municipality) found.push(`false "in your municipality": ${nameOf(own)}`);
    if (nearest && (item.place.distance ?? 4) > (nearest.distance ?? 4)) found.push(`not the nearest place: ${nameOf(own)}`);
  }
  // A life event's core services are in the first package where the catalogue has an eligible one.
  const [first] = result.packages;
  if (first) {
    let ranked: ReturnType<RecommendationEngine['rank']>['ranked'] | null = null;
    for (const [at, need] of result.needs.entries()) {
      for (const group of need.core ?? []) {
        // rank() reads the same needs from the situation, in the same order.
        ranked ??= engine.rank(situation).ranked;
        const candidates = ranked.filter((entry) => (entry.relevance[at]?.relevance ?? 0) > 0 && engine.isCore(entry.id, group));
        if (candidates.length > 0 && !first.items.some((item) => engine.isCore(item.serviceId, group)))
          found.push(`first package without a core service of ${need.id} (${group.names.source.slice(0, 30)}…)`);
      }
    }
  }
  return found;
}
