import { pino, type DestinationStream, type Logger } from "pino";

/**
 * The platform's one logger: everything the server and its jobs write is a JSON line on stdout
 * (time, level, msg, fields) that journald or a collector reads. Nothing personal goes in: errors
 * are logged by `errorFields` (class, code, stack frames — never the message, which for a database
 * error quotes the values it choked on), and fields that could hold personal data or credentials
 * are censored should a caller ever pass one.
 */
export type TLogger = Logger;

/** Where one JSON line goes (without its newline): tests collect them, the server writes stdout. */
export type TLogWriter = (line: string) => void;

/** Field names that name a person or a credential: censored wherever they appear, two levels deep. */
const PERSONAL_FIELDS = [
  "phone",
  "applicantPhone",
  "applicantName",
  "contact",
  "name",
  "idNumber",
  "password",
  "token",
  "sessionToken",
  "deviceToken",
  "apiKey",
  "authorization",
  "cookie",
  "message",
];

interface TErrorFields {
  type: string;
  code?: string;
  frames: string[];
  cause?: TErrorFields;
}

/**
 * An error as the log may hold it: its class, its code (a driver's ER_… or the platform's), the
 * frames of its stack — file and line, which carry no data — and its cause's the same way, two
 * deep. Never a message or the stack's first line.
 */
function errorFields(error: unknown, depth = 0): TErrorFields {
  if (!(error instanceof Error)) return { type: typeof error, frames: [] };
  const frames = (error.stack ?? "")
    .split("\n")
    .filter((line) => line.trimStart().startsWith("at "))
    .map((line) => line.trim())
    .slice(0, 12);
  const code = (error as { code?: unknown }).code;
  return {
    type: error.name,
    ...(typeof code === "string" ? { code } : {}),
    frames,
    ...(error.cause !== undefined && depth < 2 ? { cause: errorFields(error.cause, depth + 1) } : {}),
  };
}

/** A logger writing to `destination` (stdout when absent). */
export function createLogger(destination?: TLogWriter): TLogger {
  const stream: DestinationStream = destination
    ? { write: (line: string) => destination(line.endsWith("\n") ? line.slice(0, -1) : line) }
    : process.stdout;
  return pino(
    {
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      // "info", not 30: an operator greps for the word.
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: errorFields },
      redact: {
        paths: PERSONAL_FIELDS.flatMap((field) => [field, `*.${field}`]),
        censor: "[redacted]",
      },
    },
    stream,
  );
}

/** The process's logger; components take a child of it (`log.child({ component })`). */
export const log: TLogger = createLogger();
