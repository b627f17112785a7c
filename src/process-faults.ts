import type { Logger } from './logger.ts';

export type ProcessFault = 'uncaught_exception' | 'unhandled_rejection';

/** The part of `process` watched; tests pass an EventEmitter. */
export interface FaultSource {
  on(event: 'uncaughtException', listener: (error: unknown, origin: string) => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
}

/**
 * After start-up, an exception nothing caught or a rejection nothing handled is logged at error
 * level, with its stack, and warroom keeps running. Node's default (print and exit) would drop
 * every request in flight and stop paging for every incident because of one bad request; an
 * incident bot must stay up. The fault is counted (warroom_process_faults_total) for alerting,
 * and a supervisor still restarts warroom if /healthz stops answering. Every known way in is
 * closed at its edge (Slack payload checks, SNS verification); a line from here is a bug to fix.
 * Start-up failures are not covered: they still end the process with a non-zero code.
 */
export function keepRunningOnFaults(
  target: FaultSource,
  logger: Logger,
  count: (fault: ProcessFault) => void,
): void {
  target.on('uncaughtException', (error, origin) => {
    count('uncaught_exception');
    logger.error({ err: error, origin }, 'uncaught exception; warroom keeps running');
  });
  target.on('unhandledRejection', (reason) => {
    count('unhandled_rejection');
    logger.error({ err: reason }, 'unhandled promise rejection; warroom keeps running');
  });
}
