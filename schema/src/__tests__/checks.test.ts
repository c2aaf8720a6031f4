import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { federationLink } from '@aurora/subgraph-kit';
import { checkSubgraph } from '../cli/check-subgraph';
import { breakingChanges, composeSupergraph, lintSubgraph, SUPERGRAPH_FILE } from '../index';

const pairs = (findings: { rule: string; coordinate: string }[]) => findings.map((finding) => [finding.rule, finding.coordinate]);

describe("the network's rules for one subgraph", () => {
  it('names each rule and coordinate it finds', () => {
    const sdl = `${federationLink()}
      "Root."
      type Query {
        "Listed."
        things: [Thing!]!
        undocumented: Int
        "Bad argument name."
        search(Text_Query: String): Int
      }
      "A thing."
      type Thing @key(fields: "id") {
        "Its id."
        id: ID!
        "Age of the person who owns it."
        age: Int
      }
      "Has an id but no key."
      type Order { "Its id." id: ID! }
      type undocumented_type { "x" x: Int }
      "An input."
      input Filter { "x" x: Int }
      "Wrongly named input."
      input Options { "x" x: Int }
      "Colour."
      enum Colour { "Red." RED "Green." green }
    `;
    expect(pairs(lintSubgraph('shop', sdl))).toEqual([
      ['relay-connection', 'Query.things'],
      ['description', 'Query.undocumented'],
      ['naming', 'Query.search.Text_Query'],
      ['personal-data', 'Thing.age'],
      ['entity-key', 'Order'],
      ['description', 'undocumented_type'],
      ['naming', 'undocumented_type'],
      ['naming', 'Options'],
      ['naming', 'Colour.green'],
    ]);
    expect(lintSubgraph('profile', `${federationLink()} "P." type Person @key(fields: "id") { "Id." id: ID! "Age." age: Int }`)).toEqual([]);
    // A request may carry the person's own data for that request; a value with an id that no one fetches by key is no entity list.
    const perRequest = `${federationLink()}
      "Root." type Query { "Packages." packages(situation: SituationInput!): [Package!]! }
      "A situation." input SituationInput { "Age." age: Int }
      "A package built per request." type Package @key(fields: "id", resolvable: false) { "Id." id: ID! }`;
    expect(lintSubgraph('recommendation', perRequest)).toEqual([]);
    expect(pairs(lintSubgraph('recommendation', perRequest.replace('resolvable: false', 'resolvable: true')))).toEqual([
      ['relay-connection', 'Query.packages'],
    ]);
  });
});

describe('breaking changes against the committed supergraph', () => {
  const committed = fs.readFileSync(SUPERGRAPH_FILE, 'utf8');

  async function recompose(change: (sdl: string) => string) {
    const files = ['service-directory', 'kela', 'mikkeli', 'profile'].map((name) => ({
      name,
      url: `http://localhost/${name}`,
      sdl: fs.readFileSync(path.join(path.dirname(SUPERGRAPH_FILE), 'subgraphs', `${name}.graphql`), 'utf8'),
    }));
    const mikkeli = files[2] as { sdl: string };
    mikkeli.sdl = change(mikkeli.sdl);
    const composed = composeSupergraph(files);
    if (!composed.ok) throw new Error(JSON.stringify(composed.errors));
    return composed.supergraphSdl;
  }

  it('reports removed fields, new required arguments and removed enum values, and lets accepted ones through', async () => {
    const next = await recompose((sdl) =>
      sdl
        .replace(/ {2}"""\n {2}Where to book an appointment, when one is needed.\n {2}"""\n {2}bookingUrl: String\n/, '')
        .replace(/"""Where to book an appointment, when one is needed."""\n {2}bookingUrl: String\n/, '')
        .replace('mikkeliVisitingDetails(serviceLocationId: ID!)', 'mikkeliVisitingDetails(serviceLocationId: ID!, region: String!)')
        .replace(/ {2}"""An induction loop for hearing aids."""\n {2}INDUCTION_LOOP\n/, ''),
    );
    const findings = await breakingChanges(committed, next, []);
    expect(pairs(findings)).toEqual(
      expect.arrayContaining([
        ['breaking-change/FIELD_REMOVED', 'VisitingDetails.bookingUrl'],
        ['breaking-change/FIELD_ARGUMENT_ADDED', 'Query.mikkeliVisitingDetails.region'],
        ['breaking-change/ENUM_VALUE_REMOVED', 'AccessibilityFeature.INDUCTION_LOOP'],
      ]),
    );
    expect(findings.find((finding) => finding.coordinate === 'VisitingDetails.bookingUrl')?.fix).toContain('accepted-changes.yaml');
    const accepted = await breakingChanges(committed, next, [
      { coordinate: 'VisitingDetails.bookingUrl', change: 'FIELD_REMOVED', reason: 'Bookings moved to the city portal.' },
    ]);
    expect(pairs(accepted)).not.toContainEqual(['breaking-change/FIELD_REMOVED', 'VisitingDetails.bookingUrl']);
    expect(await breakingChanges(committed, committed, [])).toEqual([]);
  });
});

describe("the provider's check command", () => {
  const write = (text: string) => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-provider-')), 'schema.graphql');
    fs.writeFileSync(file, text);
    return file;
  };

  it("passes a new organisation's subgraph that follows the rules", async () => {
    const file = write(`"The city's libraries." type Query { "Open libraries." openLibraries(first: Int, after: String): Int! }`);
    const result = await checkSubgraph({ name: 'libraries', schemaFile: file, url: 'http://localhost:4010/graphql' });
    expect(result).toEqual({ ok: true, output: ["libraries: the schema passes the network's review."] });
  });

  it('fails with the rule, coordinate and fix, or with line and column for malformed SDL', async () => {
    const undocumented = await checkSubgraph({ name: 'libraries', schemaFile: write('type Query { count: Int }'), url: 'http://localhost:4010/graphql' });
    expect(undocumented.ok).toBe(false);
    expect(undocumented.output[0]).toBe(
      'error [description] libraries: Query.count: The field has no description. Fix: Add a description saying what the field holds and, for lists, in which order.',
    );
    const malformed = write('type Query {\n  count(: Int\n}\n');
    expect(await checkSubgraph({ name: 'libraries', schemaFile: malformed, url: 'http://x/graphql' })).toEqual({
      ok: false,
      output: [`${malformed}:2:9: Syntax Error: Expected Name, found ":".`],
    });
    const conflicting = await checkSubgraph({
      name: 'libraries',
      schemaFile: write('"Root." type Query { "Clash." service(id: ID!): Int }'),
      url: 'http://x/graphql',
    });
    expect(conflicting.output[0]).toMatch(/^error \[ownership\/field\] libraries: Query.service: Query.service belongs to subgraph service-directory/);
    expect(conflicting.output[1]).toMatch(/^error \[composition\/[A-Z_]+\] \(supergraph\): /);
    expect(await checkSubgraph({ name: 'newcomer', schemaFile: write('type Query { a: Int }') })).toEqual({
      ok: false,
      output: ['newcomer is not in the network yet: give its routing URL with --url.'],
    });
  });
});
