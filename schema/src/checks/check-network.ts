import { NETWORK_OWNER, NETWORK_RULES, type NetworkRules } from '@aurora/supergraph';
import { composeSupergraph, type SubgraphSchema } from '../compose';
import { availabilityFindings } from './availability';
import { breakingChanges, type AcceptedChange } from './breaking';
import type { Finding } from './finding';
import { lintSubgraph } from './lint';
import { ownershipFindings } from './ownership';

/** A subgraph under review; `owner` is its publishing organisation (the network's own when not given). */
export interface ReviewedSubgraph extends SubgraphSchema {
  owner?: string;
}

export interface NetworkCheck {
  findings: Finding[];
  /** The composed supergraph, when the subgraphs compose. */
  supergraphSdl: string | null;
}

/**
 * The network's schema review: the subgraphs must compose, each must follow the common rules
 * (its own schema's, and who may hold what across organisations), and the result must not break
 * clients of the committed supergraph unless the change is accepted. The registry's publish,
 * `schema:check` and `schema:check-subgraph` all review through here.
 */
export async function checkNetwork(
  subgraphs: ReviewedSubgraph[],
  committedSupergraph: string | null,
  accepted: AcceptedChange[],
  rules: NetworkRules = NETWORK_RULES,
): Promise<NetworkCheck> {
  const findings: Finding[] = subgraphs.flatMap((subgraph) => lintSubgraph(subgraph.name, subgraph.sdl));
  const owned = subgraphs.map((subgraph) => ({ name: subgraph.name, sdl: subgraph.sdl, owner: subgraph.owner ?? NETWORK_OWNER }));
  findings.push(...ownershipFindings(owned, rules), ...availabilityFindings(owned, rules));
  const composed = composeSupergraph(subgraphs);
  if (!composed.ok) {
    for (const [code, message] of composed.errors) {
      findings.push({
        rule: `composition/${code}`,
        severity: 'error',
        coordinate: '(supergraph)',
        message,
        fix: 'Change the subgraph schemas so that they compose.',
      });
    }
    return { findings, supergraphSdl: null };
  }
  if (committedSupergraph) {
    try {
      findings.push(...(await breakingChanges(committedSupergraph, composed.supergraphSdl, accepted)));
    } catch (error) {
      // A supergraph the router's libraries cannot even load (an unsupported feature, say) is no version to publish.
      findings.push({
        rule: 'breaking-change/unreadable',
        severity: 'error',
        coordinate: '(supergraph)',
        message: `The composed supergraph cannot be loaded to compare it with the current one: ${firstLine(error)}`,
        fix: 'Remove what the finding above names, or what the message names.',
      });
    }
  }
  return { findings, supergraphSdl: composed.supergraphSdl };
}

const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n').filter(Boolean).slice(-1)[0] ?? 'unknown error';
