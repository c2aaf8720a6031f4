import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createEmbeddedStore } from '@aurora/store';
import { NETWORK_OWNER } from '@aurora/supergraph';
import { checkSubgraph, type Finding, readManifest } from '@aurora/schema';
import { SchemaRegistry } from '../index';
import { HOSTILE_SCHEMAS as HOSTILE, LANGUAGE } from './fixtures/hostile-schemas';

const REVIEWED_RULES = /^(ownership|personal-data|unsupported-feature|availability)/;
const pairs = (findings: Pick<Finding, 'rule' | 'coordinate'>[]) =>
  findings.filter((finding) => REVIEWED_RULES.test(finding.rule)).map((finding) => [finding.rule, finding.coordinate]);
/** `error [rule] subgraph: coordinate: message Fix: …` back to rule and coordinate. */
const fromOutput = (lines: string[]) =>
  lines.flatMap((line) => {
    const match = /^error \[([^\]]+)\] [\w-]+: (\S+): /.exec(line);
    return match ? [{ rule: match[1] as string, coordinate: match[2] as string }] : [];
  });
const write = (text: string) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-hostile-')), 'schema.graphql');
  fs.writeFileSync(file, text);
  return file;
};

async function seededRegistry(leaveOut: string[] = []) {
  const registry = new SchemaRegistry(createEmbeddedStore(), () => []);
  const committed = readManifest().filter((entry) => !leaveOut.includes(entry.name));
  await registry.seed(
    committed.map((entry) => ({ name: entry.name, url: entry.routingUrl, sdl: fs.readFileSync(entry.schemaFile, 'utf8'), owner: NETWORK_OWNER })),
  );
  return registry;
}

describe("hostile schemas are refused by the provider's check and by the registry alike", () => {
  let registry: SchemaRegistry;
  beforeAll(async () => {
    registry = await seededRegistry();
  }, 60_000);

  it.each(HOSTILE)('$name', async ({ sdl, refused }) => {
    const checked = await checkSubgraph({ name: 'evil-org-graph', schemaFile: write(sdl), url: 'http://evil.example/graphql', organisation: 'evil-org' });
    expect(checked.ok).toBe(false);
    expect(pairs(fromOutput(checked.output))).toEqual(refused);
    // Every refusal says what to do about it.
    for (const line of checked.output.filter((text) => REVIEWED_RULES.test(text.slice(7)))) expect(line).toMatch(/ Fix: \S/);

    const published = await registry.publish({ name: 'evil-org-graph', url: 'http://evil.example/graphql', sdl }, { organisation: 'evil-org', admin: false });
    expect(published.ok).toBe(false);
    if (published.ok) return;
    expect(published.status).toBe(422);
    expect(pairs(published.errors as Finding[])).toEqual(refused);
    expect((await registry.current())?.version).toBe(1); // nothing changed
  });

  it('names the owner and the way out in its messages', async () => {
    const override = await checkSubgraph({
      name: 'evil-org-graph',
      schemaFile: write(HOSTILE[1]?.sdl as string),
      url: 'http://evil.example/graphql',
      organisation: 'evil-org',
    });
    expect(override.output).toContain(
      'error [ownership/override] evil-org-graph: Mutation.updateMyAttributes: @override(from: "profile") would take Mutation.updateMyAttributes from another organisation\'s subgraph: its requests would come here instead. Fix: Remove @override; add a field of your own name if the service offers something new.',
    );
    expect(override.output).toContain(
      "error [personal-data/me] evil-org-graph: Me: Me is the person making the request; only the network's personal-data subgraphs (profile, recommendation, chatbot, how-am-i-doing, mikkeli) and the recipients of a consent purpose may add fields to it or hold its key, and evil-org-graph is neither. Fix: Remove Me from the schema. A service that needs the person's attributes asks the network for a consent purpose naming it (packages/supergraph/src/network-rules.ts); the person then decides what it receives.",
    );
    const field = await checkSubgraph({
      name: 'evil-org-graph',
      schemaFile: write(HOSTILE[6]?.sdl as string),
      url: 'http://evil.example/graphql',
      organisation: 'evil-org',
    });
    expect(field.output[0]).toBe(
      "error [ownership/field] evil-org-graph: Service.name: Service.name belongs to subgraph service-directory (the network's own); another organisation may add new fields to Service but not resolve the owner's. Fix: Remove name, or give the field a name of your own.",
    );
  });

  it("lets an organisation add fields of its own to the network's entities", async () => {
    const sdl = `"A service." type Service @key(fields: "id") { "Id." id: ID! "People in the queue now (example)." queueLength: Int }
      "Root." type Query { "Greeting." hello(language: Language): String }
      ${LANGUAGE}`;
    const checked = await checkSubgraph({ name: 'queues', schemaFile: write(sdl), url: 'http://queues.example/graphql', organisation: 'queue-co' });
    expect(checked).toEqual({ ok: true, output: ["queues: the schema passes the network's review."] });
    const published = await registry.publish({ name: 'queues', url: 'http://queues.example/graphql', sdl }, { organisation: 'queue-co', admin: false });
    expect(published).toMatchObject({ ok: true, warnings: [] });
  });

  it('keeps the personal-data subgraphs to the purposes that name them', async () => {
    // Even a subgraph the network trusts with personal data reads only what a purpose gives it.
    const howAmIDoing = readManifest().find((entry) => entry.name === 'how-am-i-doing');
    const sdl = `${fs.readFileSync(howAmIDoing?.schemaFile as string, 'utf8')}
      type Me @key(fields: "handle") { handle: ID! recommendationAttributes: SharedAttributes! @external attributes: Attributes! @external
        "Reads more than it was given." peek: String @requires(fields: "recommendationAttributes { age } attributes { age }") }
      type SharedAttributes @external { age: Int }
      type Attributes @external { age: Int }`;
    const checked = await checkSubgraph({ name: 'how-am-i-doing', schemaFile: write(sdl.replace(/^# GENERATED.*\n/, '')) });
    expect(pairs(fromOutput(checked.output))).toEqual([
      ['personal-data/consent-purpose', 'Me.recommendationAttributes'],
      ['personal-data/consent-purpose', 'Me.attributes'],
      ['personal-data/consent-purpose', 'Me.peek'],
    ]);
    expect(checked.output.find((line) => line.includes('Me.peek'))).toContain('reads recommendationAttributes, attributes of the person');
  });

  it('lets a purpose recipient that keeps no personal data read its own purpose only', async () => {
    // Kela receives what the person shares for ELIGIBILITY; reaching for what they share for RECOMMENDATION is refused.
    const kela = readManifest().find((entry) => entry.name === 'kela');
    const own = fs.readFileSync(kela?.schemaFile as string, 'utf8').replace(/^# GENERATED.*\n/, '');
    expect(await checkSubgraph({ name: 'kela', schemaFile: write(own) })).toEqual({ ok: true, output: ["kela: the schema passes the network's review."] });
    const greedy = own
      .replace(
        'eligibilityAttributes: SharedAttributes! @external',
        'eligibilityAttributes: SharedAttributes! @external\n  recommendationAttributes: SharedAttributes! @external',
      )
      .replace('@requires(fields: "eligibilityAttributes {', '@requires(fields: "recommendationAttributes { age } eligibilityAttributes {');
    expect(greedy).not.toBe(own);
    const checked = await checkSubgraph({ name: 'kela', schemaFile: write(greedy) });
    expect(pairs(fromOutput(checked.output))).toEqual([
      ['personal-data/consent-purpose', 'Me.recommendationAttributes'],
      ['personal-data/consent-purpose', 'Me.eligibility'],
    ]);
  });

  it("keeps the network's names for the network, even while such a subgraph is absent", async () => {
    const without = await seededRegistry(['recommendation']);
    const sdl = '"Root." type Query { "Anything." recommendationStatus: String }';
    expect(await without.publish({ name: 'recommendation', url: 'http://evil.example/graphql', sdl }, { organisation: 'evil-org', admin: false })).toEqual({
      ok: false,
      status: 403,
      errors: ["The name recommendation is reserved for the network's own subgraph; publish under a name of your own."],
    });
    expect(
      await without.publish({ name: 'recommendation', url: 'http://localhost:4006/graphql', sdl }, { organisation: NETWORK_OWNER, admin: false }),
    ).toMatchObject({ ok: true });
  });
});
