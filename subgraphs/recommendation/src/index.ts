export { createRecommendationSubgraph, networkSubgraph, printSchema, SUBGRAPH_NAME, type RecommendationOptions, type RecommendationSubgraph } from './subgraph';
export {
  RecommendationEngine,
  violations,
  placeFor,
  DEFAULT_WEIGHTS,
  NO_HISTORY,
  type EvidenceWeights,
  type EngineOptions,
  type History,
  type Recommendation,
  type ServicePackage,
  type PlaceToVisit,
} from './engine';
export { CatalogueIndex, CATALOGUE_CHANGES, CATALOGUE_PAGE, type GraphQLPost } from './catalogue';
export { inferLabels, labelsOf, type LabelScores } from './labels';
export { needsOf, meterWeight, lifeEventNeed, wellbeingNeed, type Need } from './needs';
export { toSituation, packageCount } from './validation';
export { RecommendationService } from './recommendation-service';
export { DIMENSIONS, METERS, emptySituation, type IndexedService, type Situation, type Dimension } from './model';
export { reasonText, packageTitle, packageExplanation } from './texts';
