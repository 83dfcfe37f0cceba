import { createHash, timingSafeEqual } from 'node:crypto';

/** Shortest API token accepted: a guessable token on a network-facing API is no token. */
export const MIN_TOKEN_LENGTH = 16;

/**
 * Checks an Authorization header against the token in constant time. Both sides are hashed first, so the
 * comparison takes the same time whatever their lengths, and timingSafeEqual gets equal-length buffers.
 */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const given = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1] ?? '';
  return timingSafeEqual(digest(given), digest(token));
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
