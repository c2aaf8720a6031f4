import type { Logger } from './logger';

/** Runs `close` once on SIGINT or SIGTERM, then exits; a second signal exits at once. */
export function closeOnSignal(logger: Logger, close: () => Promise<void>): void {
  let closing = false;
  const handler = (signal: NodeJS.Signals) => {
    if (closing) process.exit(1);
    closing = true;
    logger.info({ signal }, 'stopping');
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'failed to stop cleanly');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
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
