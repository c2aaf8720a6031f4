/**
 * `npm run fuzz`: the router's property test for longer, with a new seed each time. Starts the
 * real network in this process, sends FUZZ_RUNS (default 3000) random and adversarial requests
 * and prints progress, the answers' codes, latency and memory. A failure prints the smallest
 * request fast-check found and the seed that replays it:
 *   FUZZ_SEED=<seed> FUZZ_RUNS=<runs> npm run fuzz
 */
import fc from 'fast-check';
import { faultOf, readSchema, requests, send } from './e2e/fuzz';
import { startTestNetwork } from './e2e/network';

const RUNS = Number(process.env.FUZZ_RUNS ?? 3000);
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const MAX_MS = Number(process.env.FUZZ_MAX_MS ?? 10_000);

async function main(): Promise<void> {
  if (!Number.isInteger(RUNS) || RUNS < 1 || !Number.isInteger(SEED)) {
    process.stderr.write('FUZZ_RUNS must be a whole number above 0 and FUZZ_SEED a whole number.\n');
    process.exitCode = 2;
    return;
  }
  process.stdout.write(`Starting the network in-process… (seed ${SEED}, ${RUNS} requests)\n`);
  const network = await startTestNetwork();
  const schema = await readSchema(network.routerUrl);
  const before = process.memoryUsage().rss;
  let peak = before;
  let sent = 0;
  const codes = new Map<string, number>();
  const latencies: number[] = [];
  const started = Date.now();
  try {
    await fc.assert(
      fc.asyncProperty(requests(schema), async (request) => {
        const answer = await send(network.routerUrl, request, MAX_MS * 2);
        sent += 1;
        latencies.push(answer.ms);
        peak = Math.max(peak, process.memoryUsage().rss);
        for (const error of answer.body?.errors ?? [{ extensions: { code: answer.body?.data ? 'data' : 'nothing' } }]) {
          const code = String(error.extensions?.code);
          codes.set(code, (codes.get(code) ?? 0) + 1);
        }
        if (sent % 250 === 0)
          process.stdout.write(
            `  ${sent} requests, ${Math.round((Date.now() - started) / 1000)} s, RSS ${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB\n`,
          );
        const fault = faultOf(answer, MAX_MS);
        if (fault) throw new Error(`${request.kind}: ${fault}\nrequest: ${request.body.slice(0, 800)}`);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    latencies.sort((a, b) => a - b);
    const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
    process.stdout.write(
      [
        `No fault in ${sent} requests (seed ${SEED}).`,
        `Latency p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms.`,
        `RSS ${Math.round(before / 2 ** 20)} → peak ${Math.round(peak / 2 ** 20)} MiB.`,
        `Answers: ${[...codes]
          .sort((a, b) => b[1] - a[1])
          .map(([code, count]) => `${code} ${count}`)
          .join(', ')}.`,
        '',
      ].join('\n'),
    );
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\nReplay: FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS} npm run fuzz\n`);
    process.exitCode = 1;
  } finally {
    await network.close();
  }
}

void main();
