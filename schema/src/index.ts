export { readManifest, MANIFEST_FILE, SUPERGRAPH_FILE, SCHEMA_DIR, type ManifestEntry } from './manifest';
export { composeSupergraph, type CompositionResult, type SubgraphSchema } from './compose';
export { generateSchemas, findDrift, CompositionError, GENERATED_HEADER, type Drift, type GeneratedFile } from './generate';
