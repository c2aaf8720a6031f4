export { readManifest, MANIFEST_FILE, SUPERGRAPH_FILE, SCHEMA_DIR, type ManifestEntry } from './manifest';
export { composeSupergraph, type CompositionResult, type SubgraphSchema } from './compose';
export { generateSchemas, findDrift, GENERATED_HEADER, type Drift, type Generated, type GeneratedFile } from './generate';
export { checkNetwork, type NetworkCheck } from './checks/check-network';
export { lintSubgraph, PERSONAL_DATA_SUBGRAPHS } from './checks/lint';
export { breakingChanges, readAcceptedChanges, type AcceptedChange } from './checks/breaking';
export { formatFinding, hasErrors, type Finding } from './checks/finding';
export { SchemaRegistry, type RegisteredSubgraph, type Version, type PublishOutcome } from './registry/registry';
export { createRegistryServer, PUBLISH_SCOPE as REGISTRY_PUBLISH_SCOPE, ADMIN_SCOPE as REGISTRY_ADMIN_SCOPE } from './registry/server';
