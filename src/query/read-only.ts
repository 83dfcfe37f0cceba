import { QueryRefusedError } from './errors';

/**
 * A first, friendly check of user Cypher before it is sent. The real guard against writes is the READ
 * transaction it runs in (Neo4j answers Neo.ClientError.Statement.AccessMode); this check exists for what a
 * READ transaction still allows: LOAD CSV reads server files and URLs, some DBMS procedures kill connections
 * or show the configuration, and APOC's load/import/export procedures reach the file system. It looks at
 * keywords only outside strings, comments and `quoted` names, so text like "CREATE" in a literal passes.
 */

const WRITE_CLAUSES = new Set(['CREATE', 'MERGE', 'DELETE', 'DETACH', 'SET', 'REMOVE', 'FOREACH', 'DROP', 'ALTER', 'GRANT', 'DENY', 'REVOKE']);

/** DBMS procedures that are harmless to let through; every other dbms.* is refused. */
const DBMS_ALLOWED = new Set(['dbms.components', 'dbms.info', 'dbms.showcurrentuser', 'dbms.listcapabilities']);

const OUTSIDE_PROCEDURES = ['apoc.load.', 'apoc.import.', 'apoc.export.', 'apoc.systemdb.', 'apoc.trigger.', 'apoc.periodic.'];

/** db.* procedures that act on the server (caches, checkpoints, statistics) rather than read the graph. */
const DB_ADMIN_PROCEDURES = ['db.clearquerycaches', 'db.checkpoint', 'db.stats.', 'db.resampleindex', 'db.resampleoutdatedindexes', 'db.prepareforreplanning'];

/**
 * What SHOW may not list: the server's state rather than the graph's schema (SHOW INDEXES, CONSTRAINTS,
 * FUNCTIONS and PROCEDURES stay allowed). A denylist of the words after SHOW, so a variable named `show`
 * is still just a variable.
 */
const SHOW_REFUSED = new Set(['TRANSACTION', 'TRANSACTIONS', 'SETTING', 'SETTINGS', 'USER', 'USERS', 'CURRENT', 'ROLE', 'ROLES', 'PRIVILEGE', 'PRIVILEGES',
  'DATABASE', 'DATABASES', 'DEFAULT', 'HOME', 'SERVER', 'SERVERS', 'ALIAS', 'ALIASES', 'POPULATED', 'SUPPORTED']);

interface Token {
  /** a word, or the dotted name it heads (db.index.fulltext.queryNodes) */
  text: string;
  /** the character before it, ignoring space: '.' or ':' or '$' mean it is a property, label or parameter */
  before: string;
  /** the character after it, ignoring space: ':' means it is a map key */
  after: string;
}

/** Throws QueryRefusedError naming the clause or procedure when the query writes or reaches outside the database. */
export function assertReadOnly(cypher: string): void {
  const words = tokens(cypher);
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (word.before === '.' || word.before === ':' || word.before === '$' || word.after === ':') continue;
    const upper = word.text.toUpperCase();
    if (WRITE_CLAUSES.has(upper)) {
      throw new QueryRefusedError(`${upper} writes to the database; only read queries run here (MATCH, OPTIONAL MATCH, WITH, UNWIND, CALL of read procedures, RETURN)`);
    }
    if (upper === 'TERMINATE') {
      throw new QueryRefusedError('TERMINATE stops other clients\' transactions (a load, say); only queries over the graph run here');
    }
    const shown = upper === 'SHOW' ? words[i + (words[i + 1]?.text.toUpperCase() === 'ALL' ? 2 : 1)]?.text.toUpperCase() ?? '' : '';
    if (SHOW_REFUSED.has(shown)) {
      throw new QueryRefusedError(
        `SHOW ${shown} lists the server's state (transactions, settings, users); only the graph's indexes, constraints, functions and procedures can be shown here`,
      );
    }
    if (upper === 'LOAD' && words[i + 1]?.text.toUpperCase() === 'CSV') {
      throw new QueryRefusedError('LOAD CSV reads files and URLs from the server; only queries over the graph run here');
    }
    const lower = word.text.toLowerCase();
    if (lower.startsWith('dbms.') && !DBMS_ALLOWED.has(lower)) {
      throw new QueryRefusedError(`${word.text} acts on the database server itself; only queries over the graph run here`);
    }
    if (DB_ADMIN_PROCEDURES.some((name) => lower === name || (name.endsWith('.') && lower.startsWith(name)))) {
      throw new QueryRefusedError(`${word.text} acts on the database server itself; only queries over the graph run here`);
    }
    if (OUTSIDE_PROCEDURES.some((prefix) => lower.startsWith(prefix))) {
      throw new QueryRefusedError(`${word.text} reaches files, URLs or background jobs; only queries over the graph run here`);
    }
  }
}

/** Words and dotted names outside comments, string literals and backquoted names. */
function tokens(text: string): Token[] {
  const out: Token[] = [];
  let before = '';
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      i = end < 0 ? n : end + 1;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
    } else if (c === "'" || c === '"') {
      i = skipString(text, i, c);
      before = c;
    } else if (c === '`') {
      const end = skipBackquoted(text, i);
      i = end;
      before = '`';
    } else if (/[A-Za-z_]/.test(c)) {
      let j = i;
      while (j < n && /[A-Za-z0-9_.]/.test(text[j])) j++;
      // a dotted name ends before a trailing dot (n.)
      let word = text.slice(i, j);
      while (word.endsWith('.')) word = word.slice(0, -1);
      const next = nextSignificant(text, i + word.length);
      out.push({ text: word, before, after: next });
      before = word[word.length - 1];
      i += word.length;
    } else {
      if (!/\s/.test(c)) before = c;
      i++;
    }
  }
  return out;
}

function skipString(text: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === '\\') i += 2;
    else if (text[i] === quote) return i + 1;
    else i++;
  }
  return text.length;
}

function skipBackquoted(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === '`') {
      if (text[i + 1] === '`') i += 2;
      else return i + 1;
    } else i++;
  }
  return text.length;
}

function nextSignificant(text: string, from: number): string {
  let i = from;
  while (i < text.length && /\s/.test(text[i])) i++;
  return text[i] ?? '';
}
