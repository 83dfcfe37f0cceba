import { LIST_SEPARATOR, type AttributeSpec, type AttributeValue } from './model';

/**
 * A value as one string for formats without lists or types (GraphML, CSV): lists joined with `separator`,
 * numbers in JavaScript's shortest round-trip form. Undefined when there is nothing to write, so an absent
 * property stays absent rather than becoming "" or 0.
 */
export function scalarText(spec: AttributeSpec, value: AttributeValue | undefined, separator = LIST_SEPARATOR): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) {
    return value.length === 0 ? undefined : value.map((v) => String(v)).join(separator);
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    return spec.type === 'int' || spec.type === 'long' ? String(Math.trunc(value)) : String(value);
  }
  return String(value);
}
