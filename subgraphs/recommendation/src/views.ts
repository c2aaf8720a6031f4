import type { Language } from '@aurora/subgraph-kit';
import type { PackageItem, ServicePackage } from './engine';
import type { Need } from './needs';

// What the resolvers see of the schema's types (the generated resolver types are mapped to these).

export interface RecommendationContext {
  pseudonym: string | null;
}

/** A package as GraphQL sees it: the engine's package with what its texts need. */
export interface PackageView extends ServicePackage {
  needs: Need[];
  language: Language;
}

export interface ItemView extends PackageItem {
  language: Language;
}

/** A need, with the language the answer is in. */
export type NeedView = Need & { answerLanguage?: Language };

/** The person's attributes shared for recommendations, as the profile subgraph hands them over. */
export interface SharedAttributesView {
  age?: number | null;
  municipality?: string | null;
  lifeEvents?: string[] | null;
  language?: Language | null;
  wellbeing?: Record<string, number | null> | null;
  interests?: string[] | null;
}

/** The `Me` representation the router sends, with the attributes this subgraph @requires. */
export interface MeRepresentation {
  handle: string;
  recommendationAttributes?: SharedAttributesView;
}
