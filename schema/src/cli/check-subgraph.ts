/**
 * `npm run schema:check-subgraph -- --name <name> --schema <file.graphql> [--url <routing-url>]`:
 * the network's review for one provider's subgraph schema, as the provider's own CI runs it. The
 * subgraph replaces (or joins) the network's committed subgraphs; the result must compose, the
 * subgraph must follow the common rules, and no client of the committed supergraph may break.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { federationLink } from '@aurora/subgraph-kit';
import { GraphQLError, parse } from 'graphql';
import { readAcceptedChanges } from '../checks/breaking';
import { checkNetwork, type ReviewedSubgraph } from '../checks/check-network';
import { formatFinding, hasErrors } from '../checks/finding';
import { readManifest, SCHEMA_DIR } from '../manifest';
import { NETWORK_OWNER, NETWORK_RULES } from '@aurora/supergraph';

/** The organisation a new subgraph is reviewed as when none is named: anyone but the network. */
const PROVIDER = 'the-provider';

export async function checkSubgraph(options: {
  name: string;
  schemaFile: string;
  url?: string;
  networkDir?: string;
  organisation?: string;
}): Promise<{ output: string[]; ok: boolean }> {
  const networkDir = options.networkDir ?? SCHEMA_DIR;
  const manifest = readManifest(path.join(networkDir, 'supergraph.yaml'));
  const existing = manifest.find((entry) => entry.name === options.name);
  const url = options.url ?? existing?.routingUrl;
  if (!url) return { ok: false, output: [`${options.name} is not in the network yet: give its routing URL with --url.`] };
  let sdl = fs.readFileSync(options.schemaFile, 'utf8');
  try {
    parse(sdl);
  } catch (error) {
    const location = error instanceof GraphQLError ? error.locations?.[0] : undefined;
    return { ok: false, output: [`${options.schemaFile}:${location?.line ?? 1}:${location?.column ?? 1}: ${(error as Error).message}`] };
  }
  if (!sdl.includes('specs.apollo.dev/federation/')) sdl = `${federationLink()}\n${sdl}`;
  const subgraphs: ReviewedSubgraph[] = manifest
    .filter((entry) => entry.name !== options.name)
    .map((entry) => ({ name: entry.name, url: entry.routingUrl, sdl: fs.readFileSync(entry.schemaFile, 'utf8') }));
  // The network's own subgraphs are reviewed as the network's; a new one as its provider's.
  const owner = existing ? NETWORK_OWNER : (options.organisation ?? PROVIDER);
  if (!existing && NETWORK_RULES.coreSubgraphs.includes(options.name))
    return { ok: false, output: [`The name ${options.name} is reserved for the network's own subgraph; choose a name of your own.`] };
  subgraphs.push({ name: options.name, url, sdl, owner });
  const committed = path.join(networkDir, 'supergraph.graphql');
  const review = await checkNetwork(
    subgraphs,
    fs.existsSync(committed) ? fs.readFileSync(committed, 'utf8') : null,
    readAcceptedChanges(path.join(networkDir, 'accepted-changes.yaml')),
  );
  const findings = review.findings.filter((finding) => !finding.subgraph || finding.subgraph === options.name);
  const ok = !hasErrors(findings);
  return {
    ok,
    output: [
      ...findings.map(formatFinding),
      ok
        ? `${options.name}: the schema passes the network's review${findings.length ? ` (${findings.length} warnings)` : ''}.`
        : `${options.name}: the schema fails the network's review.`,
    ],
  };
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { name: { type: 'string' }, schema: { type: 'string' }, url: { type: 'string' }, network: { type: 'string' }, organisation: { type: 'string' } },
  });
  if (!values.name || !values.schema) {
    process.stderr.write('usage: npm run schema:check-subgraph -- --name <subgraph> --schema <file.graphql> [--url <routing-url>] [--organisation <org>]\n');
    return 1;
  }
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const result = await checkSubgraph({
    name: values.name,
    schemaFile: path.resolve(cwd, values.schema),
    url: values.url,
    networkDir: values.network && path.resolve(cwd, values.network),
    organisation: values.organisation,
  });
  for (const line of result.output) (result.ok ? process.stdout : process.stderr).write(`${line}\n`);
  return result.ok ? 0 : 1;
}

if (require.main === module) {
  main().then(
    (status) => process.exit(status),
    (error: unknown) => {
      process.stderr.write(`schema:check-subgraph: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
