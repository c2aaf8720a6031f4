import type { Logger } from '@aurora/subgraph-kit';

/** How the chatbot reads the network: a GraphQL request to the router. */
export type RouterPost = (
  query: string,
  variables: Record<string, unknown>,
) => Promise<{ data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: unknown } }[] }>;

export type Nearness = 'YOUR_MUNICIPALITY' | 'YOUR_WELLBEING_SERVICES_COUNTY' | 'YOUR_REGION' | 'ELSEWHERE' | 'UNKNOWN';
/** Nearness from nearest to farthest. */
export const NEARNESS: readonly Nearness[] = ['YOUR_MUNICIPALITY', 'YOUR_WELLBEING_SERVICES_COUNTY', 'YOUR_REGION', 'ELSEWHERE', 'UNKNOWN'];

/** A package as the chatbot asks the recommendation engine for it. */
export interface RecommendedPackage {
  title: string;
  explanation: string;
  items: { service: { id: string }; placeToVisit: { municipalityCode: string | null; nearness: Nearness } | null }[];
}

const RECOMMEND = `query ChatbotPackages($situation: SituationInput!, $first: Int) {
  recommendServicePackages(situation: $situation, first: $first) {
    title explanation
    items { service { id } placeToVisit { municipalityCode nearness } }
  }
}`;

/** What the network answered: packages, the engine still starting, or no answer. */
export type PackagesAnswer = { kind: 'packages'; packages: RecommendedPackage[] } | { kind: 'starting' } | { kind: 'unavailable' };

/** Asks the recommendation engine, through the router, for packages for a situation. */
export async function askForPackages(router: RouterPost, logger: Logger, situation: Record<string, unknown>, first: number): Promise<PackagesAnswer> {
  let result: Awaited<ReturnType<RouterPost>>;
  try {
    result = await router(RECOMMEND, { situation, first });
  } catch (error) {
    logger.warn({ reason: error instanceof Error ? error.message : String(error) }, 'the router did not answer the recommendation request');
    return { kind: 'unavailable' };
  }
  const packages = (result.data?.recommendServicePackages ?? []) as RecommendedPackage[];
  if (packages.length === 0 && result.errors?.some((error) => error.extensions?.code === 'NOT_READY')) return { kind: 'starting' };
  if (result.errors?.length && packages.length === 0) {
    logger.warn({ errors: result.errors.map((error) => error.message) }, 'the recommendation request failed');
    return { kind: 'unavailable' };
  }
  return { kind: 'packages', packages };
}
