import { composeSupergraph, type SubgraphSchema } from '../compose';
import { breakingChanges, type AcceptedChange } from './breaking';
import type { Finding } from './finding';
import { lintSubgraph } from './lint';

export interface NetworkCheck {
  findings: Finding[];
  /** The composed supergraph, when the subgraphs compose. */
  supergraphSdl: string | null;
}

/**
 * The network's schema review: the subgraphs must compose, each must follow the common rules,
 * and the result must not break clients of the committed supergraph unless the change is accepted.
 */
export async function checkNetwork(subgraphs: SubgraphSchema[], committedSupergraph: string | null, accepted: AcceptedChange[]): Promise<NetworkCheck> {
  const findings: Finding[] = subgraphs.flatMap((subgraph) => lintSubgraph(subgraph.name, subgraph.sdl));
  const composed = composeSupergraph(subgraphs);
  if (!composed.ok) {
    for (const [code, message] of composed.errors) {
      findings.push({ rule: `composition/${code}`, severity: 'error', coordinate: '(supergraph)', message, fix: 'Change the subgraph schemas so that they compose.' });
    }
    return { findings, supergraphSdl: null };
  }
  if (committedSupergraph) findings.push(...(await breakingChanges(committedSupergraph, composed.supergraphSdl, accepted)));
  return { findings, supergraphSdl: composed.supergraphSdl };
}
