// pino logger with snake_case keys; CLI commands log to stderr so stdout stays machine-readable.
import { pino, type Logger } from 'pino';

/** Create the process logger at the configured level. */
export function createLogger(level: string, toStderr = false): Logger {
  return pino({ level, base: undefined }, toStderr ? pino.destination(2) : undefined);
}
