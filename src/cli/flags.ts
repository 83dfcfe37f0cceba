import { ConfigError } from '../errors';

/** Parsing of numeric flags, shared by the commands: a wrong value is a usage error (exit 2) naming the flag. */

export function positiveInt(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new ConfigError(`${flag} "${value}" is not a positive whole number`);
  return n;
}

export function wholeNumber(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new ConfigError(`${flag} "${value}" is not a whole number (0 or more)`);
  return n;
}

export function port(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new ConfigError(`${flag} "${value}" is not a port number (0-65535; 0 picks a free port)`);
  return n;
}

export function positiveSeconds(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new ConfigError(`${flag} "${value}" is not a positive number of seconds`);
  return n;
}
