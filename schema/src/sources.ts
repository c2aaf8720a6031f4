import { type ManifestEntry, manifestEntry } from '@aurora/manifest';
import type { NetworkSubgraph } from '@aurora/subgraph-kit';

/**
 * A subgraph of the manifest, loaded from its package (`@aurora/<name>`): what it exports as
 * `networkSubgraph` prints its schema and starts it. Nothing lists the subgraphs but the manifest;
 * the schema workspace and the scripts are the only ones that load subgraphs, and only this way.
 */
export function loadSubgraph(entry: ManifestEntry | string): NetworkSubgraph {
  const { name, packageName } = typeof entry === 'string' ? manifestEntry(entry) : entry;
  let loaded: { networkSubgraph?: Partial<NetworkSubgraph> };
  try {
    loaded = require(packageName);
  } catch (error) {
    throw new Error(`subgraph "${name}": its package ${packageName} could not be loaded (${(error as Error).message.split('\n')[0]}).`);
  }
  const subgraph = loaded.networkSubgraph;
  if (typeof subgraph?.printSchema !== 'function' || typeof subgraph.create !== 'function' || subgraph.name !== name) {
    throw new Error(
      `subgraph "${name}": ${packageName} must export networkSubgraph, a NetworkSubgraph named "${name}" (see "Adding a subgraph" in the README).`,
    );
  }
  return subgraph as NetworkSubgraph;
}
