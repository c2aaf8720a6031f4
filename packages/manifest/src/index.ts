import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';

/**
 * The network's manifest is `schema/supergraph.yaml` (rover's supergraph config shape): the one
 * list of the network's own subgraphs. Everything else is derived from it and from the
 * subgraph's folder, by convention:
 *
 * - the name is the key; the package is `@aurora/<name>`, the folder `subgraphs/<name>`;
 * - the port is the port of `routing_url` (what the subgraph listens on when PORT is not set);
 * - a subgraph with `public/index.html` in its folder serves that page at its root.
 *
 * The router and the registry are not subgraphs; their ports are named here, once.
 */

/** The repository's root: this package sits in `packages/manifest/{src,dist}`. */
export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const MANIFEST_FILE = path.join(ROOT, 'schema', 'supergraph.yaml');

/** Where the router listens when PORT is not set. */
export const ROUTER_PORT = 4000;
/** Where the schema registry listens when PORT is not set; the router follows it. */
export const REGISTRY_PORT = 4010;

export interface ManifestEntry {
  name: string;
  routingUrl: string;
  /** The port of `routingUrl`. */
  port: number;
  /** Absolute path of the subgraph's printed schema. */
  schemaFile: string;
  /** The workspace package that holds the subgraph's code. */
  packageName: string;
  /** Absolute path of the subgraph's folder. */
  folder: string;
  /** Whether the subgraph serves a web page at its root (its folder has `public/index.html`). */
  page: boolean;
}

export class ManifestError extends Error {
  override name = 'ManifestError';
}

const NAME = /^[a-z][a-z0-9-]*$/;

/** Reads the manifest and checks every entry; a wrong entry is named with what it lacks. */
export function readManifest(file = MANIFEST_FILE): ManifestEntry[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new ManifestError(`${file}: the network's manifest could not be read.`);
  }
  let document: { subgraphs?: unknown } | null;
  try {
    document = parseYaml(text) as { subgraphs?: unknown } | null;
  } catch (error) {
    throw new ManifestError(`${file}: not valid YAML (${(error as Error).message.split('\n')[0]}).`);
  }
  const subgraphs = document?.subgraphs;
  if (!subgraphs || typeof subgraphs !== 'object') throw new ManifestError(`${file}: no "subgraphs" section.`);
  const root = path.resolve(path.dirname(file), '..');
  const ports = new Map<number, string>();
  return Object.entries(subgraphs).map(([name, value]) => {
    if (!NAME.test(name)) throw new ManifestError(`${file}: subgraph "${name}" needs a name of lower-case letters, digits and hyphens.`);
    const entry = (value ?? {}) as { routing_url?: unknown; schema?: { file?: unknown } };
    if (typeof entry.routing_url !== 'string' || !/^https?:\/\//.test(entry.routing_url)) {
      throw new ManifestError(`${file}: subgraph "${name}" needs a routing_url starting with http:// or https://.`);
    }
    if (typeof entry.schema?.file !== 'string') throw new ManifestError(`${file}: subgraph "${name}" needs schema.file.`);
    const port = Number(new URL(entry.routing_url).port);
    if (!port) throw new ManifestError(`${file}: subgraph "${name}" needs a port in its routing_url.`);
    const other = ports.get(port);
    if (other) throw new ManifestError(`${file}: subgraphs "${other}" and "${name}" both use port ${port}.`);
    if (port === ROUTER_PORT || port === REGISTRY_PORT)
      throw new ManifestError(`${file}: subgraph "${name}" uses port ${port}, the router's or the registry's.`);
    ports.set(port, name);
    const folder = path.join(root, 'subgraphs', name);
    return {
      name,
      routingUrl: entry.routing_url,
      port,
      schemaFile: path.resolve(path.dirname(file), entry.schema.file),
      packageName: `@aurora/${name}`,
      folder,
      page: fs.existsSync(path.join(folder, 'public', 'index.html')),
    };
  });
}

let cached: ManifestEntry[] | undefined;

/** One subgraph's entry; a name the manifest does not list is an error that says so. */
export function manifestEntry(name: string): ManifestEntry {
  cached ??= readManifest();
  const entry = cached.find((candidate) => candidate.name === name);
  if (!entry) throw new ManifestError(`subgraph "${name}" is not in ${MANIFEST_FILE}; add it there (see "Adding a subgraph" in the README).`);
  return entry;
}
