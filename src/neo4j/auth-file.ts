import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Neo4j's stored-credential iteration count (what `neo4j-admin dbms set-initial-password` writes). */
const ITERATIONS = 1024;

/**
 * One line of `data/dbms/auth.ini`, which Neo4j reads on its first start to create the initial user.
 * The hash is SHA-256 over salt ‖ password, then re-hashed until ITERATIONS digests in all (Shiro's SimpleHash).
 * Writing this before the first start avoids `ALTER USER` after start, which races with clients.
 */
export function authIniLine(username: string, password: string, salt: Buffer = randomBytes(32)): string {
  let digest = createHash('sha256').update(salt).update(password, 'utf8').digest();
  for (let i = 1; i < ITERATIONS; i++) digest = createHash('sha256').update(digest).digest();
  return `${username}:SHA-256,${digest.toString('hex')},${salt.toString('hex')},${ITERATIONS}:`;
}

export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}

/** Writes the initial credentials for a store that has not started yet. */
export function writeInitialAuth(neo4jHome: string, username: string, password: string): void {
  const dir = path.join(neo4jHome, 'data', 'dbms');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'auth.ini'), `${authIniLine(username, password)}\n`, { mode: 0o600 });
}
