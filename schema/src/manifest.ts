import * as path from 'node:path';

/** The network's manifest is read by `@aurora/manifest`; this workspace composes and checks from it. */
export { MANIFEST_FILE, readManifest, type ManifestEntry } from '@aurora/manifest';

/** The folder of this workspace: the manifest and the committed schemas live here. */
export const SCHEMA_DIR = path.resolve(__dirname, '..');
export const SUPERGRAPH_FILE = path.join(SCHEMA_DIR, 'supergraph.graphql');
