import type { Language } from '@aurora/subgraph-kit';
import type { ServiceDocument } from './model';
import type { TextLanguage } from './search/analysis';
import type { SearchHit } from './search/search-index';

// The shapes of a page of services as the resolvers see them (the schema's ServiceConnection,
// ServiceEdge and SearchMatch are mapped to these).

export interface ServiceEdge {
  cursor: string;
  node: ServiceDocument;
  match: (SearchHit & { language: TextLanguage }) | null;
}

/** How a service matched a text search, with the service it is about. */
export type ServiceMatch = NonNullable<ServiceEdge['match']> & { node: ServiceDocument };

export interface ServicePage {
  totalCount: number;
  searchLanguage: Language | null;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: ServiceEdge[];
}
