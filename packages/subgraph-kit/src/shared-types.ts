import { DIMENSIONS, METER_DESCRIPTIONS, METERS } from '@aurora/code-lists';
import { type DocumentNode, Kind, parse, visit } from 'graphql';

/**
 * The value types every subgraph of the network means the same by, defined once: a subgraph's
 * SDL uses them by name, and the kit adds the definitions (`buildSubgraphFromSdl`). The meters
 * come from `@aurora/code-lists`, so the enum, the input and the code agree.
 */
export const SHARED_TYPES: Readonly<Record<string, string>> = {
  Language: `"""A language of the network. Texts fall back fi → sv → en when a translation is missing."""
enum Language {
  "Finnish"
  FI
  "Swedish"
  SV
  "English"
  EN
}`,
  WellbeingDimension: `"The ten meters of AuroraAI's 3X10D life-situation model."
enum WellbeingDimension {
${DIMENSIONS.map((dimension, index) => `  ${JSON.stringify(METER_DESCRIPTIONS[METERS[index] as (typeof METERS)[number]])}\n  ${dimension}`).join('\n')}
}`,
  WellbeingInput: `"""The 3X10D meters, 0–10 each."""
input WellbeingInput {
${METERS.map((meter) => `  ${JSON.stringify(METER_DESCRIPTIONS[meter])}\n  ${meter}: Int`).join('\n')}
}`,
};

function namesIn(document: DocumentNode): { defined: Set<string>; used: Set<string> } {
  const defined = new Set<string>();
  const used = new Set<string>();
  for (const definition of document.definitions)
    if ('name' in definition && definition.name && definition.kind !== Kind.DIRECTIVE_DEFINITION) defined.add(definition.name.value);
  visit(document, {
    NamedType(node) {
      used.add(node.name.value);
    },
  });
  return { defined, used };
}

/** The SDL with the shared value types it uses but does not define added at its end. */
export function withSharedTypes(typeDefs: string): string {
  const { defined, used } = namesIn(parse(typeDefs));
  const added = Object.entries(SHARED_TYPES)
    .filter(([name]) => used.has(name) && !defined.has(name))
    .map(([, sdl]) => sdl);
  return added.length === 0 ? typeDefs : `${typeDefs}\n${added.join('\n\n')}\n`;
}
