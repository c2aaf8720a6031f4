import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';

/** The folder of this workspace: the manifest and the committed schemas live here. */
export const SCHEMA_DIR = path.resolve(__dirname, '..');
export const MANIFEST_FILE = path.join(SCHEMA_DIR, 'supergraph.yaml');
export const SUPERGRAPH_FILE = path.join(SCHEMA_DIR, 'supergraph.graphql');

export interface ManifestEntry {
  name: string;
  routingUrl: string;
  /** Absolute path of the subgraph's printed schema. */
  schemaFile: string;
}

/** Reads supergraph.yaml (rover's supergraph config shape) and checks every entry. */
export function readManifest(file = MANIFEST_FILE): ManifestEntry[] {
  const document = parseYaml(fs.readFileSync(file, 'utf8')) as { subgraphs?: Record<string, unknown> } | null;
  const subgraphs = document?.subgraphs;
  if (!subgraphs || typeof subgraphs !== 'object') throw new Error(`${file}: no "subgraphs" section.`);
  return Object.entries(subgraphs).map(([name, value]) => {
    const entry = value as { routing_url?: unknown; schema?: { file?: unknown } };
    if (typeof entry.routing_url !== 'string' || !/^https?:\/\//.test(entry.routing_url)) {
      throw new Error(`${file}: subgraph "${name}" needs a routing_url starting with http:// or https://.`);
    }
    if (typeof entry.schema?.file !== 'string') throw new Error(`${file}: subgraph "${name}" needs schema.file.`);
    return { name, routingUrl: entry.routing_url, schemaFile: path.resolve(path.dirname(file), entry.schema.file) };
  });
}
