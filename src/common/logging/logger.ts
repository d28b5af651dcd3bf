import type { LoggerService } from '@nestjs/common';
import { pino, stdTimeFunctions, type Logger } from 'pino';

/** One structured JSON logger for Fastify's request logs and Nest's own messages. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'courtside' },
    timestamp: stdTimeFunctions.isoTime,
    messageKey: 'msg',
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.nationalId'],
      censor: '[redacted]',
    },
  });
}

/** Adapts pino to Nest's LoggerService so framework messages are JSON lines too. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...rest: unknown[]) {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]) {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]) {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]) {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]) {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]) {
    this.write('fatal', message, rest);
  }

  private write(level: 'info' | 'error' | 'warn' | 'debug' | 'trace' | 'fatal', message: unknown, rest: unknown[]) {
    // Nest passes the context (class name) as the last string argument.
    const context = typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    if (message !== null && typeof message === 'object') {
      const [msg] = rest.filter((r) => typeof r === 'string') as string[];
      this.logger[level]({ context, ...(message as object) }, msg);
    } else {
      const stack = level === 'error' && typeof rest[0] === 'string' ? rest[0] : undefined;
      this.logger[level]({ context, ...(stack ? { stack } : {}) }, String(message));
    }
  }
}
