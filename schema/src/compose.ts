import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';

export interface SubgraphSchema {
  name: string;
  url: string;
  sdl: string;
}

export type CompositionResult = { ok: true; supergraphSdl: string; hints: string[] } | { ok: false; errors: [code: string, message: string][] };

/** Composes subgraph schemas into the supergraph with @apollo/composition. */
export function composeSupergraph(subgraphs: SubgraphSchema[]): CompositionResult {
  const result = composeServices(subgraphs.map((subgraph) => ({ name: subgraph.name, url: subgraph.url, typeDefs: parse(subgraph.sdl) })));
  if (result.errors) {
    return {
      ok: false,
      errors: result.errors.map((error) => [String(error.extensions.code ?? 'COMPOSITION_ERROR'), error.message]),
    };
  }
  return { ok: true, supergraphSdl: result.supergraphSdl, hints: result.hints.map((hint) => hint.toString()) };
}
