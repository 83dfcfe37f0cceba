/**
 * A user's schema file (JSON or YAML): `mode: replace` swaps the default for it, `mode: extend` (the
 * default) adds its node types, relationship types and patterns to the default's. Checked as it is read,
 * so a typo fails before any article is read.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import yaml from 'js-yaml';
import { ConfigError } from '../../src/errors';
import { DEFAULT_SCHEMA } from './default';
import type { NounPattern, Schema, SchemaFile, VerbPattern } from './types';

export function loadSchema(file: string): Schema {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read schema file ${file}: ${(error as Error).message}`);
  }
  let data: unknown;
  try {
    data = /\.ya?ml$/i.test(extname(file)) ? yaml.load(text) : JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`schema file ${file} is not valid ${/\.ya?ml$/i.test(file) ? 'YAML' : 'JSON'}: ${(error as Error).message}`);
  }
  return resolveSchema(data, file);
}

/** The schema a parsed schema file gives, checked; `where` names the file in messages. */
export function resolveSchema(data: unknown, where = 'schema'): Schema {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new ConfigError(`${where}: expected an object with nodeTypes, relationTypes, verbs, nouns`);
  const file = data as SchemaFile;
  const mode = file.mode ?? 'extend';
  if (mode !== 'extend' && mode !== 'replace') throw new ConfigError(`${where}: mode must be "extend" or "replace", not "${String(mode)}"`);
  const base: Schema = mode === 'replace' ? { nodeTypes: [], relationTypes: [], verbs: [], nouns: [], leaderTitles: [] } : DEFAULT_SCHEMA;
  const schema: Schema = {
    nodeTypes: mergeByName(base.nodeTypes, list(file.nodeTypes, where, 'nodeTypes')),
    relationTypes: mergeByName(base.relationTypes, list(file.relationTypes, where, 'relationTypes')),
    verbs: [...list<VerbPattern>(file.verbs, where, 'verbs'), ...base.verbs],
    nouns: [...list<NounPattern>(file.nouns, where, 'nouns'), ...base.nouns],
    leaderTitles: [...base.leaderTitles, ...list<string>(file.leaderTitles, where, 'leaderTitles')],
  };
  checkSchema(schema, where);
  return schema;
}

/** Every pattern names a declared relationship type and node types; names are well formed. */
export function checkSchema(schema: Schema, where = 'schema'): void {
  const nodeTypes = new Set(schema.nodeTypes.map((t) => t.name));
  const relationTypes = new Set(schema.relationTypes.map((t) => t.name));
  if (nodeTypes.size === 0) throw new ConfigError(`${where}: no node types`);
  for (const t of schema.relationTypes) {
    if (!/^[A-Z][A-Z0-9_]*$/.test(t.name)) throw new ConfigError(`${where}: relationship type "${t.name}" must be UPPER_SNAKE_CASE`);
    for (const n of [...(t.subject ?? []), ...(t.object ?? [])]) {
      if (!nodeTypes.has(n)) throw new ConfigError(`${where}: relationship type ${t.name} names node type "${n}", which the schema does not declare`);
    }
  }
  for (const p of [...schema.verbs, ...schema.nouns]) {
    if (!relationTypes.has(p.predicate)) throw new ConfigError(`${where}: a pattern signals "${p.predicate}", which is not a relationship type of the schema`);
    const words = 'verbs' in p ? p.verbs : p.nouns;
    if (!Array.isArray(words) || words.length === 0 || words.some((w) => typeof w !== 'string')) {
      throw new ConfigError(`${where}: the pattern for ${p.predicate} needs a list of words`);
    }
  }
  for (const p of schema.verbs) {
    for (const n of [...(p.subject ?? []), ...(p.object ?? [])]) {
      if (!nodeTypes.has(n)) throw new ConfigError(`${where}: the pattern for ${p.predicate} names node type "${n}", which the schema does not declare`);
    }
  }
}

function list<T>(value: unknown, where: string, field: string): T[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new ConfigError(`${where}: ${field} must be a list`);
  return value as T[];
}

/** The user's entry wins over the default's of the same name. */
function mergeByName<T extends { name: string }>(base: readonly T[], added: readonly T[]): T[] {
  for (const t of added) {
    if (typeof t?.name !== 'string' || t.name === '') throw new ConfigError(`schema: every node and relationship type needs a name`);
  }
  const names = new Set(added.map((t) => t.name));
  return [...base.filter((t) => !names.has(t.name)), ...added];
}

