/**
 * `npm run eval:search [-- --split dev|test|all]`: how well the directory's search ranks the
 * bundled catalogue for the judged queries of scripts/data/search-queries.json, with today's
 * analysis (compounds, gradation, ranking rules) against the earlier one (Snowball stems alone).
 * Prints the figures and, for the test split, writes docs/evaluation/search.md with date and commit.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { createServiceDirectory, type SearchAnalysis } from '@aurora/service-directory';
import { createEmbeddedStore } from '@aurora/store';
import { createLogger, type RunningServer } from '@aurora/subgraph-kit';
import { postGraphQL } from '@aurora/subgraph-kit/testing';
import { bootstrap, mean, ndcgAt, seeded } from './metrics';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const QUERIES = path.join(ROOT, 'scripts', 'data', 'search-queries.json');
const REPORT = path.join(ROOT, 'docs', 'evaluation', 'search.md');
const K = 10;
const SUCCESS_AT = 3;

export interface JudgedQuery {
  id: string;
  query: string;
  kind: string;
  split: 'dev' | 'test';
  /** A service's whole name (Finnish, Swedish or English; a regular expression) → its grade, 2 or 1. */
  relevant: Record<string, number>;
}

interface Catalogue {
  id: string;
  names: string[];
}

interface Outcome {
  ndcg: number;
  success: number;
  zero: number;
  top: string[];
}

const SEARCH = `query($text: String!, $first: Int) { services(filter: { text: $text }, first: $first) { totalCount edges { node { id name(language: FI) } } } }`;

/** Each query's judgements as grades by service id; a pattern that names no bundled service is an error. */
export function resolveJudgements(queries: JudgedQuery[], catalogue: Catalogue[]): Map<string, Map<string, number>> {
  const resolved = new Map<string, Map<string, number>>();
  const problems: string[] = [];
  for (const query of queries) {
    const grades = new Map<string, number>();
    for (const [pattern, grade] of Object.entries(query.relevant)) {
      const name = new RegExp(`^(?:${pattern})$`, 'i');
      const matches = catalogue.filter((service) => service.names.some((candidate) => name.test(candidate)));
      if (matches.length === 0) problems.push(`${query.id} "${query.query}": no bundled service is named /${pattern}/`);
      for (const service of matches) grades.set(service.id, Math.max(grades.get(service.id) ?? 0, grade));
    }
    resolved.set(query.id, grades);
  }
  if (problems.length > 0) throw new Error(`The judgements do not fit the bundled catalogue:\n${problems.join('\n')}`);
  return resolved;
}

async function startDirectory(analysis: SearchAnalysis): Promise<RunningServer> {
  const directory = await createServiceDirectory({ store: createEmbeddedStore(), logger: createLogger('eval-search', 'silent'), searchAnalysis: analysis });
  return directory.listen(0);
}

async function readCatalogue(url: string): Promise<Catalogue[]> {
  const all: Catalogue[] = [];
  let after: string | null = null;
  for (;;) {
    const body = (await postGraphQL(
      url,
      'query($after: String) { services(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id fi: name(language: FI) sv: name(language: SV) en: name(language: EN) } } } }',
      { after },
    )) as {
      data: { services: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { id: string; fi?: string; sv?: string; en?: string } }[] } };
    };
    const page = body.data.services;
    for (const { node } of page.edges) all.push({ id: node.id, names: [node.fi, node.sv, node.en].filter((name): name is string => Boolean(name)) });
    if (!page.pageInfo.hasNextPage) return all;
    after = page.pageInfo.endCursor;
  }
}

async function evaluate(url: string, queries: JudgedQuery[], judgements: Map<string, Map<string, number>>): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const query of queries) {
    const body = (await postGraphQL(url, SEARCH, { text: query.query, first: K })) as {
      errors?: unknown[];
      data: { services: { totalCount: number; edges: { node: { id: string; name: string } }[] } };
    };
    if (body.errors) throw new Error(`${query.id}: ${JSON.stringify(body.errors)}`);
    const ranking = body.data.services.edges.map((edge: { node: { id: string } }) => edge.node.id) as string[];
    const grades = judgements.get(query.id) as Map<string, number>;
    outcomes.push({
      ndcg: ndcgAt(K, ranking, grades),
      success: ranking.slice(0, SUCCESS_AT).some((id) => (grades.get(id) ?? 0) > 0) ? 1 : 0,
      zero: body.data.services.totalCount === 0 ? 1 : 0,
      top: body.data.services.edges.slice(0, 3).map((edge: { node: { name: string } }) => edge.node.name),
    });
  }
  return outcomes;
}

const f = (value: number) => value.toFixed(3);

/** The everyday phrases of the curated list, lower-cased. */
function everydayPhrases(): string[] {
  const file = path.join(ROOT, 'packages', 'text-analysis', 'data', 'everyday-words.json');
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { entries: { words: string[] }[] }).entries.flatMap((entry) =>
    entry.words.map((word) => word.toLowerCase()),
  );
}

/** Whether a query contains one of the phrases as whole words. */
function namesQuery(phrases: string[], query: string): boolean {
  const padded = ` ${query.toLowerCase().replace(/[^\p{L}\p{N}-]+/gu, ' ')} `;
  return phrases.some((phrase) => padded.includes(` ${phrase} `));
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { split: { type: 'string', default: 'test' } } });
  const split = values.split as 'dev' | 'test' | 'all';
  if (!['dev', 'test', 'all'].includes(split)) throw new Error('--split must be dev, test or all');
  const started = Date.now();
  const all = (JSON.parse(fs.readFileSync(QUERIES, 'utf8')) as { queries: JudgedQuery[] }).queries;
  const queries = all.filter((query) => split === 'all' || query.split === split);
  process.stdout.write(`eval:search: ${queries.length} judged queries (${split} split); indexing the bundled catalogue twice…\n`);
  const current = await startDirectory('compounds');
  const baseline = await startDirectory('stems');
  try {
    const judgements = resolveJudgements(queries, await readCatalogue(current.url));
    const ours = await evaluate(current.url, queries, judgements);
    const before = await evaluate(baseline.url, queries, judgements);
    const random = seeded(20261203);
    const interval = (numbers: number[]) => {
      const result = bootstrap(numbers, random);
      return `${f(result.mean)} [${f(result.low)}, ${f(result.high)}]`;
    };
    const rows = [
      ['NDCG@10', ours.map((o) => o.ndcg), before.map((o) => o.ndcg)],
      [`success@${SUCCESS_AT}`, ours.map((o) => o.success), before.map((o) => o.success)],
      ['zero-result rate', ours.map((o) => o.zero), before.map((o) => o.zero)],
    ] as const;
    const lines = [`| measure | compounds and ranking (now) | Snowball stems alone (before) | now minus before, paired |`, '|---|---|---|---|'];
    for (const [name, now, then] of rows)
      lines.push(`| ${name} | ${interval([...now])} | ${interval([...then])} | ${interval(now.map((value, index) => value - (then[index] as number)))} |`);
    // The everyday-words list and the queries were written by the same people: figures without the queries it names verbatim.
    const listed = everydayPhrases();
    const apart = queries.map((query, index) => (namesQuery(listed, query.query) ? -1 : index)).filter((index) => index >= 0);
    const pick = (outcomes: Outcome[], key: keyof Omit<Outcome, 'top'>) => apart.map((index) => (outcomes[index] as Outcome)[key]);
    lines.push(
      '',
      `Without the ${queries.length - apart.length} queries that contain a phrase of the everyday-words list verbatim (${apart.length} queries): NDCG@10 ${interval(pick(ours, 'ndcg'))} now, ${interval(pick(before, 'ndcg'))} before; success@3 ${interval(pick(ours, 'success'))} now, ${interval(pick(before, 'success'))} before; paired NDCG@10 difference ${interval(pick(ours, 'ndcg').map((value, index) => value - (pick(before, 'ndcg')[index] as number)))}.`,
    );
    const kinds = [...new Set(queries.map((query) => query.kind))];
    const byKind = ['| kind | queries | NDCG@10 now | before | success@3 now | before |', '|---|---|---|---|---|---|'];
    for (const kind of kinds) {
      const at = queries.map((query, index) => (query.kind === kind ? index : -1)).filter((index) => index >= 0);
      const pick = (outcomes: Outcome[], key: 'ndcg' | 'success') => f(mean(at.map((index) => (outcomes[index] as Outcome)[key])));
      byKind.push(`| ${kind} | ${at.length} | ${pick(ours, 'ndcg')} | ${pick(before, 'ndcg')} | ${pick(ours, 'success')} | ${pick(before, 'success')} |`);
    }
    const failures = queries.map((query, index) => ({ query, outcome: ours[index] as Outcome })).filter(({ outcome }) => outcome.success === 0);
    process.stdout.write(
      `${lines.join('\n')}\n\n${byKind.join('\n')}\n\nNot answered well in the top ${SUCCESS_AT} (${failures.length}):\n${failures.map(({ query, outcome }) => `  ${query.id} "${query.query}" → ${outcome.top.join(' | ') || '(nothing)'}`).join('\n')}\n`,
    );
    if (split === 'test') writeReport(queries.length, all.length, lines, byKind, failures, started);
  } finally {
    await current.close();
    await baseline.close();
  }
}

function writeReport(
  count: number,
  total: number,
  lines: string[],
  byKind: string[],
  failures: { query: JudgedQuery; outcome: Outcome }[],
  started: number,
): void {
  const git = (args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  const commit = git(['rev-parse', '--short', 'HEAD']);
  const dirty = git(['status', '--porcelain', '--untracked-files=no']) ? ' (with uncommitted changes)' : '';
  const report = [
    '# Search evaluation',
    '',
    `Generated by \`npm run eval:search\` on ${new Date().toISOString().slice(0, 10)} at commit \`${commit}\`${dirty}, in ${Math.round((Date.now() - started) / 1000)} s.`,
    '',
    `The **test split**: ${count} of the ${total} judged queries in \`scripts/data/search-queries.json\`, never used for tuning (the dev split is). Each query is sent as a person would type it, without a language, to the directory over GraphQL; the first ${K} results are compared with the graded judgements (2: the service for that need, 1: a related one). NDCG@${K} uses the grades; success@${SUCCESS_AT} is the share of queries with a judged service among the first three; the zero-result rate the share with no result at all. Intervals: percentile bootstrap over the queries (1,000 rounds, 95%); the last column is the paired difference per query.`,
    '',
    '## Results',
    '',
    ...lines,
    '',
    '## By kind of query',
    '',
    ...byKind,
    '',
    `## Queries without a judged service in the first ${SUCCESS_AT}`,
    '',
    ...(failures.length
      ? failures.map(({ query, outcome }) => `- ${query.id} "${query.query}" (${query.kind}) → ${outcome.top.join(' · ') || 'nothing'}`)
      : ['None.']),
    '',
    '## How the judgements were made',
    '',
    'The queries were written as people write them: Finnish compounds and inflections, typos, everyday words, Swedish and English queries for services that are described mostly in Finnish, and queries that are about a business or about a person. Each was judged by reading the names and summaries of the bundled services (and the descriptions where the name left doubt) and naming, as whole-name patterns, the services a person asking would want (grade 2) and those that help in part (grade 1). Patterns are resolved against the bundled catalogue on every run; one that names no service stops the evaluation. The same people wrote the queries, the judgements and the analysis; the test split was not run while the analysis was tuned.',
    '',
  ];
  fs.writeFileSync(REPORT, report.join('\n'));
  process.stdout.write(`wrote ${path.relative(ROOT, REPORT)}\n`);
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`eval:search: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
