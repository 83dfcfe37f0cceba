import neo4j from 'neo4j-driver';
import { ParameterError } from './errors';
import { typeProblem, type ParamSpec, type ParamValue, type Preset } from './preset';

/**
 * The values a preset runs with: defaults filled in, every value checked against its declaration.
 * Unknown, missing and mistyped parameters are refused with a ParameterError naming the parameter.
 */
export function checkParams(preset: Preset, given: Record<string, unknown>): Record<string, ParamValue> {
  for (const name of Object.keys(given)) {
    if (!preset.params.some((p) => p.name === name)) {
      const known = preset.params.map((p) => p.name);
      throw new ParameterError(name, `"${preset.name}" has no such parameter (${known.length ? `it takes ${known.join(', ')}` : 'it takes none'})`);
    }
  }
  const values: Record<string, ParamValue> = {};
  for (const spec of preset.params) {
    const value = Object.hasOwn(given, spec.name) ? given[spec.name] : spec.default;
    if (value === undefined) throw new ParameterError(spec.name, `"${preset.name}" needs it (${spec.type}${spec.description ? `: ${spec.description}` : ''})`);
    const problem = typeProblem(spec, value);
    if (problem) throw new ParameterError(spec.name, problem);
    values[spec.name] = value as ParamValue;
  }
  return values;
}

/** `name=value` pairs as the CLI takes them, turned into typed values by each parameter's declared type. */
export function parseAssignments(preset: Preset, pairs: readonly string[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new ParameterError(pair, 'write it as name=value');
    const name = pair.slice(0, eq).trim();
    const text = pair.slice(eq + 1);
    const spec = preset.params.find((p) => p.name === name);
    // unknown names pass through so checkParams reports them with the list of known ones
    values[name] = spec ? fromText(spec, text) : text;
  }
  return values;
}

function fromText(spec: ParamSpec, text: string): unknown {
  switch (spec.type) {
    case 'string':
      return text;
    case 'boolean':
      if (/^(true|yes|1)$/i.test(text)) return true;
      if (/^(false|no|0)$/i.test(text)) return false;
      return text;
    case 'int':
    case 'float': {
      const n = text.trim() === '' ? NaN : Number(text);
      return Number.isNaN(n) ? text : n;
    }
  }
}

/**
 * Values as the driver must send them: a JavaScript number goes to Neo4j as a float, and LIMIT, range() or
 * list indexes refuse floats, so whole numbers become Neo4j integers. `floats` names parameters to leave alone.
 */
export function toDriverParams(values: Record<string, unknown>, floats: ReadonlySet<string> = new Set()): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) out[name] = floats.has(name) ? value : toDriverValue(value);
  return out;
}

function toDriverValue(value: unknown): unknown {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toDriverValue);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toDriverValue(v)]));
  }
  return value;
}
