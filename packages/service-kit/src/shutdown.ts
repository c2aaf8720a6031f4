import type { Logger } from './logger';

/**
 * Runs `close` once on SIGINT or SIGTERM, then exits. A terminal's Ctrl-C reaches a process both
 * directly and through its supervisor, so repeats in the first seconds are ignored; a signal after
 * that exits at once.
 */
export function closeOnSignal(logger: Logger, close: () => Promise<void>): void {
  let closingSince = 0;
  const handler = (signal: NodeJS.Signals) => {
    if (closingSince > 0) {
      if (Date.now() - closingSince > 3000) process.exit(1);
      return;
    }
    closingSince = Date.now();
    logger.info({ signal }, 'stopping');
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'failed to stop cleanly');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}

/**
 * Runs a service's start-up. A failure (bad configuration, a damaged data file, a port in use)
 * is printed as one plain message and the process exits with status 1, without a stack trace.
 */
export function runService(name: string, start: () => Promise<void>): void {
  start().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${name} could not start: ${message}\n`);
    process.exit(1);
  });
}
