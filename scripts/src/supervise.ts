import * as os from 'node:os';
import concurrently, { type Command, type ConcurrentlyCommandInput } from 'concurrently';

export interface SuperviseOptions {
  cwd: string;
  /** The first wait before a restart; each further crash in a row doubles it, up to `maxDelayMs`. */
  firstDelayMs?: number;
  maxDelayMs?: number;
  /** A service that ran this long before crashing starts again from the first wait. */
  stableMs?: number;
  /** Where the supervisor's own lines go (the services' output is prefixed by their names). */
  say?: (line: string) => void;
}

export interface Supervision {
  commands: Command[];
  /** Stops every service for good (no restarts) and resolves when all have exited. */
  stop(signal?: string): Promise<void>;
  /** Settles when every service has stopped after `stop`. */
  finished: Promise<void>;
  /** Restarts so far, by service name. */
  restarts: Map<string, number>;
}

/**
 * Runs services side by side with concurrently (output prefixed by name) and keeps them running:
 * a service that exits is started again after a wait that doubles with each crash in a row
 * (1 s, 2 s, 4 s … at most 30 s), and the others are never touched. Each restart is said.
 */
export function supervise(inputs: ConcurrentlyCommandInput[], options: SuperviseOptions): Supervision {
  const firstDelay = options.firstDelayMs ?? 1000;
  const maxDelay = options.maxDelayMs ?? 30_000;
  const stableMs = options.stableMs ?? 60_000;
  const say = options.say ?? ((line: string) => process.stderr.write(`${line}\n`));
  const { result, commands } = concurrently(inputs, { cwd: options.cwd, prefix: 'name', prefixColors: ['cyan', 'magenta', 'yellow', 'green', 'blue'] });
  let stopping = false;
  const restarts = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();
  for (const command of commands) {
    let crashesInARow = 0;
    let startedAt = Date.now();
    command.close.subscribe((event) => {
      if (stopping) return;
      if (Date.now() - startedAt >= stableMs) crashesInARow = 0;
      const delay = Math.min(firstDelay * 2 ** crashesInARow, maxDelay);
      crashesInARow += 1;
      const how = describeExit(event.exitCode);
      say(
        `[${command.name}] ${how}; starting it again in ${(delay / 1000).toFixed(delay < 1000 ? 1 : 0)} s (crash ${crashesInARow} in a row). The other services keep running.`,
      );
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (stopping) return;
        startedAt = Date.now();
        restarts.set(command.name, (restarts.get(command.name) ?? 0) + 1);
        command.start();
      }, delay);
      timers.add(timer);
    });
  }
  const finished = result.then(
    () => undefined,
    () => undefined,
  );
  return {
    commands,
    restarts,
    finished,
    async stop(signal = 'SIGINT') {
      stopping = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const command of commands) if (command.state === 'started') command.kill(signal);
      await finished;
    },
  };
}

/** "exited with code 3", or "was stopped by SIGKILL" also when a shell reports the signal as 128 + its number. */
function describeExit(exitCode: number | string): string {
  if (typeof exitCode === 'string') return `was stopped by ${exitCode}`;
  const signal = exitCode > 128 ? Object.entries(os.constants.signals).find(([, number]) => number === exitCode - 128)?.[0] : undefined;
  return signal ? `was stopped by ${signal}` : `exited with code ${exitCode}`;
}
