import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ManifestError, manifestEntry, readManifest, REGISTRY_PORT, ROOT } from '../index';

function manifestWith(text: string): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-manifest-'));
  fs.mkdirSync(path.join(folder, 'schema'));
  const file = path.join(folder, 'schema', 'supergraph.yaml');
  fs.writeFileSync(file, text);
  return file;
}

describe('the network manifest', () => {
  it("derives each subgraph's port, package, folder and page from its entry and folder", () => {
    const entries = readManifest();
    const names = entries.map((entry) => entry.name);
    expect(names).toEqual(expect.arrayContaining(['service-directory', 'kela', 'chatbot', 'how-am-i-doing']));
    for (const entry of entries) {
      expect(entry.port).toBe(Number(new URL(entry.routingUrl).port));
      expect(fs.existsSync(path.join(entry.folder, 'package.json'))).toBe(true);
      expect(JSON.parse(fs.readFileSync(path.join(entry.folder, 'package.json'), 'utf8')).name).toBe(entry.packageName);
      expect(fs.existsSync(entry.schemaFile)).toBe(true);
    }
    expect(entries.filter((entry) => entry.page).map((entry) => entry.name)).toEqual(['chatbot', 'how-am-i-doing']);
    expect(manifestEntry('kela').folder).toBe(path.join(ROOT, 'subgraphs', 'kela'));
  });

  it('names a subgraph it does not list', () => {
    expect(() => manifestEntry('no-such-subgraph')).toThrow(/"no-such-subgraph" is not in .*supergraph\.yaml/);
  });

  it.each([
    ['not YAML', 'subgraphs: [', /not valid YAML/],
    ['no subgraphs', 'federation_version: =2.9.3\n', /no "subgraphs" section/],
    ['no routing_url', 'subgraphs:\n  a:\n    schema:\n      file: a.graphql\n', /"a" needs a routing_url/],
    ['no port', 'subgraphs:\n  a:\n    routing_url: http://a.example/graphql\n    schema:\n      file: a.graphql\n', /"a" needs a port/],
    [
      'a port twice',
      'subgraphs:\n  a:\n    routing_url: http://localhost:4101/graphql\n    schema: { file: a.graphql }\n  b:\n    routing_url: http://localhost:4101/graphql\n    schema: { file: b.graphql }\n',
      /"a" and "b" both use port 4101/,
    ],
    [
      'the registry port',
      `subgraphs:\n  a:\n    routing_url: http://localhost:${REGISTRY_PORT}/graphql\n    schema: { file: a.graphql }\n`,
      /the router's or the registry's/,
    ],
    ['a bad name', 'subgraphs:\n  A_B:\n    routing_url: http://localhost:4101/graphql\n    schema: { file: a.graphql }\n', /lower-case letters/],
  ])('refuses a manifest with %s, saying what is wrong', (_case, text, message) => {
    const file = manifestWith(text);
    expect(() => readManifest(file)).toThrow(ManifestError);
    expect(() => readManifest(file)).toThrow(message);
  });
});
