export { readManifest, MANIFEST_FILE, SUPERGRAPH_FILE, SCHEMA_DIR, type ManifestEntry } from './manifest';
export { composeSupergraph, type CompositionResult, type SubgraphSchema } from './compose';
export { generateSchemas, findDrift, GENERATED_HEADER, type Drift, type Generated, type GeneratedFile } from './generate';
export { checkNetwork, type NetworkCheck } from './checks/check-network';
export { lintSubgraph, PERSONAL_DATA_SUBGRAPHS } from './checks/lint';
export { breakingChanges, readAcceptedChanges, type AcceptedChange } from './checks/breaking';
export { formatFinding, hasErrors, type Finding } from './checks/finding';
