import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { composeSupergraph, findDrift, generateSchemas, loadSubgraph, MANIFEST_FILE, readManifest, SCHEMA_DIR } from '../index';

describe('composition', () => {
  it("composes the manifest's subgraphs, and what is committed matches the code", async () => {
    const { files: generated, findings } = await generateSchemas();
    expect(findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(generated.map((file) => path.relative(SCHEMA_DIR, file.file))).toEqual([
      'subgraphs/service-directory.graphql',
      'subgraphs/kela.graphql',
      'subgraphs/mikkeli.graphql',
      'subgraphs/profile.graphql',
      'subgraphs/recommendation.graphql',
      'subgraphs/chatbot.graphql',
      'subgraphs/how-am-i-doing.graphql',
      'supergraph.graphql',
    ]);
    expect(findDrift(generated)).toEqual([]);
    const supergraph = generated[7]?.content ?? '';
    expect(supergraph).toMatch(/type ServiceLocationChannel implements ServiceChannel/);
    expect(supergraph).toContain('KELA @join__graph(name: "kela", url: "http://localhost:4002/graphql")');
  });

  it('reports a subgraph that does not compose as exact [code, message] pairs', async () => {
    const conflicting = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])
      type Query { other: Int }
      type Service @key(fields: "id") { id: ID! name: Int }`;
    const result = composeSupergraph([
      { name: 'service-directory', url: 'http://localhost:4001/graphql', sdl: await loadSubgraph('service-directory').printSchema() },
      { name: 'conflicting', url: 'http://localhost:4999/graphql', sdl: conflicting },
    ]);
    expect(result).toEqual({
      ok: false,
      errors: [
        [
          'FIELD_TYPE_MISMATCH',
          'Type of field "Service.name" is incompatible across subgraphs: it has type "Int" in subgraph "conflicting" but type "String" in subgraph "service-directory"',
        ],
        [
          'INVALID_FIELD_SHARING',
          'Non-shareable field "Service.name" is resolved from multiple subgraphs: it is resolved from subgraphs "conflicting" and "service-directory" and defined as non-shareable in all of them',
        ],
      ],
    });
  });

  it('names the file when a committed schema has drifted from the code', async () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-schema-'));
    fs.cpSync(SCHEMA_DIR, copy, { recursive: true, filter: (source) => !source.includes('node_modules') && !source.includes(`${path.sep}src`) });
    const manifest = path.join(copy, 'supergraph.yaml');
    const edited = path.join(copy, 'subgraphs', 'kela.graphql');
    fs.writeFileSync(edited, fs.readFileSync(edited, 'utf8').replace('applyOnline: Boolean!', 'applyOnline: Boolean'));
    fs.rmSync(path.join(copy, 'supergraph.graphql'));
    expect(findDrift((await generateSchemas(manifest)).files)).toEqual([
      { file: edited, problem: 'differs' },
      { file: path.join(copy, 'supergraph.graphql'), problem: 'missing' },
    ]);
  });

  it('refuses a manifest entry without a routing URL', () => {
    const broken = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-manifest-')), 'supergraph.yaml');
    fs.writeFileSync(broken, 'subgraphs:\n  kela:\n    schema:\n      file: ./kela.graphql\n');
    expect(() => readManifest(broken)).toThrow(`${broken}: subgraph "kela" needs a routing_url starting with http:// or https://.`);
    expect(readManifest(MANIFEST_FILE).map((entry) => entry.name)).toEqual([
      'service-directory',
      'kela',
      'mikkeli',
      'profile',
      'recommendation',
      'chatbot',
      'how-am-i-doing',
    ]);
  });
});
