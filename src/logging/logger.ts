import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * JSON logs with personal-data paths censored at the serializer. Message text itself is only ever
 * logged at debug level, and then through redactText by the caller.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'candidate-assistant' },
      redact: {
        paths: [
          'text',
          '*.text',
          'email',
          '*.email',
          'phone',
          '*.phone',
          // The contact a candidate gave for staff (handoff cases) never reaches the log.
          'contact',
          '*.contact',
          'ssn',
          '*.ssn',
          'dateOfBirth',
          '*.dateOfBirth',
          'req.headers.authorization',
          'req.headers.cookie',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
