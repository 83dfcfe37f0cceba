import { InputError } from '../errors';

/**
 * A preset is one .cypher file. Its header is a block of `//` comments at the top, which Neo4j Browser and
 * cypher-shell ignore, so the file runs there as-is once its parameters are set with :param:
 *
 *   // @name neighbourhood
 *   // @description The entities within k facts of one entity.
 *   // @param name: string = "Ilse Brandvik" -- a name or alias, or an entity id
 *   // @param hops: int(1..3) = 2 -- how many facts away
 *
 * A parameter is `@param NAME: TYPE[(MIN..MAX)] [= DEFAULT] [-- DESCRIPTION]`; TYPE is string, int, float or
 * boolean; DEFAULT is a JSON literal; a parameter with no default is required. Other comment lines are notes.
 */

export type ParamType = 'string' | 'int' | 'float' | 'boolean';
export type ParamValue = string | number | boolean;

export interface ParamSpec {
  name: string;
  type: ParamType;
  /** absent when the parameter is required */
  default?: ParamValue;
  /** inclusive bounds, for int and float */
  min?: number;
  max?: number;
  description: string;
}

export interface Preset {
  name: string;
  description: string;
  params: ParamSpec[];
  /** the whole file, header included: Neo4j ignores the comments */
  cypher: string;
  /** where it was read from, for messages */
  file: string;
}

const PARAM_TYPES: readonly ParamType[] = ['string', 'int', 'float', 'boolean'];
const PARAM_LINE = /^@param\s+([A-Za-z_][A-Za-z0-9_]*)\s*:\s*([a-z]+)(?:\(\s*(-?[\d.]+)?\s*\.\.\s*(-?[\d.]+)?\s*\))?\s*(?:=\s*(.*?))?\s*(?:--\s*(.*))?$/;

/** Parses a preset file; a malformed header is an InputError naming the file and line. */
export function parsePreset(text: string, file: string): Preset {
  let name: string | undefined;
  let description: string | undefined;
  const params: ParamSpec[] = [];
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index].trim();
    if (line === '') continue;
    if (!line.startsWith('//')) break;
    const body = line.slice(2).trim();
    if (!body.startsWith('@')) continue;
    const at = index + 1;
    const tag = /^@(\w+)/.exec(body)?.[1];
    if (tag === 'name') {
      name = body.slice('@name'.length).trim();
      if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new InputError(file, `preset name "${name}" must be lower-case words joined by -`, at);
    } else if (tag === 'description') {
      description = body.slice('@description'.length).trim();
    } else if (tag === 'param') {
      const param = parseParam(body, file, at);
      if (params.some((p) => p.name === param.name)) throw new InputError(file, `parameter "${param.name}" is declared twice`, at);
      params.push(param);
    } else {
      throw new InputError(file, `unknown header tag @${tag}: expected @name, @description or @param`, at);
    }
  }
  if (!name) throw new InputError(file, 'the header has no @name line (e.g. // @name entity-profile)');
  if (!description) throw new InputError(file, 'the header has no @description line');
  checkParamsUsed(params, text, file);
  return { name, description, params, cypher: text, file };
}

function parseParam(body: string, file: string, line: number): ParamSpec {
  const match = PARAM_LINE.exec(body);
  if (!match) {
    throw new InputError(file, `cannot read "${body}": expected @param NAME: TYPE[(MIN..MAX)] [= DEFAULT] [-- DESCRIPTION]`, line);
  }
  const [, name, typeText, minText, maxText, defaultText, descriptionText] = match;
  if (!PARAM_TYPES.includes(typeText as ParamType)) {
    throw new InputError(file, `parameter "${name}" has type "${typeText}"; the types are ${PARAM_TYPES.join(', ')}`, line);
  }
  const type = typeText as ParamType;
  const spec: ParamSpec = { name, type, description: descriptionText?.trim() ?? '' };
  if (minText !== undefined || maxText !== undefined) {
    if (type !== 'int' && type !== 'float') throw new InputError(file, `parameter "${name}": only int and float take a range`, line);
    if (minText !== undefined) spec.min = Number(minText);
    if (maxText !== undefined) spec.max = Number(maxText);
  }
  if (defaultText !== undefined && defaultText !== '') {
    let value: unknown;
    try {
      value = JSON.parse(defaultText);
    } catch {
      throw new InputError(file, `parameter "${name}": default ${defaultText} is not a JSON literal (strings in double quotes)`, line);
    }
    const problem = typeProblem(spec, value);
    if (problem) throw new InputError(file, `parameter "${name}": default ${defaultText} ${problem}`, line);
    spec.default = value as ParamValue;
  }
  return spec;
}

/** Why a value does not fit a parameter, or undefined when it does. */
export function typeProblem(spec: ParamSpec, value: unknown): string | undefined {
  switch (spec.type) {
    case 'string':
      return typeof value === 'string' ? undefined : `must be a string, not ${describe(value)}`;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `must be true or false, not ${describe(value)}`;
    case 'int':
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) return `must be a whole number, not ${describe(value)}`;
      return rangeProblem(spec, value);
    case 'float':
      if (typeof value !== 'number' || !Number.isFinite(value)) return `must be a number, not ${describe(value)}`;
      return rangeProblem(spec, value);
  }
}

function rangeProblem(spec: ParamSpec, value: number): string | undefined {
  if ((spec.min !== undefined && value < spec.min) || (spec.max !== undefined && value > spec.max)) {
    return `must be between ${spec.min ?? '-∞'} and ${spec.max ?? '∞'}, not ${value}`;
  }
  return undefined;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/** A declared parameter the query never uses is a typo waiting to be a silent bug; so is a used one never declared. */
function checkParamsUsed(params: ParamSpec[], text: string, file: string): void {
  const body = text
    .split(/\r?\n/)
    .filter((l) => !l.trim().startsWith('//'))
    .join('\n');
  const used = new Set([...body.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]));
  for (const p of params) {
    if (!used.has(p.name)) throw new InputError(file, `parameter "${p.name}" is declared but the query never uses $${p.name}`);
  }
  for (const u of used) {
    if (!params.some((p) => p.name === u)) throw new InputError(file, `the query uses $${u} but the header declares no @param ${u}`);
  }
}
