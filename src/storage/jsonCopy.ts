/**
 * A deep copy of a value as JSON would carry it: `JSON.parse(JSON.stringify(value))` without the
 * text in between. The memory store copies each item in and out on every turn, and for a state of
 * a few kilobytes walking the tree costs about a third of printing and parsing it.
 *
 * As JSON does: `toJSON` is called (a Date becomes its ISO string) and boxed primitives are
 * unboxed; undefined, functions and symbols are left out of objects and become null in arrays;
 * NaN and the infinities become null; a BigInt is refused with a TypeError. Only own enumerable
 * string keys are copied. A cycle, which JSON refuses, is refused here as nesting deeper than
 * `MAX_DEPTH` (no stored state comes near it).
 */
export function jsonCopy<T>(value: T): T {
  return copy(value, '', 0) as T;
}

const MAX_DEPTH = 500;

function copy(value: unknown, key: string, depth: number): unknown {
  if (typeof value !== 'object') return primitive(value);
  if (value === null) return null;
  if (depth > MAX_DEPTH) throw new TypeError(`storage/jsonCopy: nested deeper than ${MAX_DEPTH} levels at "${key}" (a cycle cannot be stored as JSON)`);
  const proto = Object.getPrototypeOf(value) as unknown;
  if (Array.isArray(value)) {
    const items = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) items[i] = copy(value[i], String(i), depth + 1) ?? null;
    return items;
  }
  if (proto !== Object.prototype && proto !== null) return unusual(value, key, depth);
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return unusual(value, key, depth);
  const fields: Record<string, unknown> = {};
  for (const name in value) {
    if (!Object.hasOwn(value, name)) continue;
    const field = copy((value as Record<string, unknown>)[name], name, depth + 1);
    if (field !== undefined) fields[name] = field;
  }
  return fields;
}

function primitive(value: unknown): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      // -0 prints as 0.
      return Number.isFinite(value) ? (value === 0 ? 0 : value) : null;
    case 'bigint':
      throw new TypeError('storage/jsonCopy: a BigInt cannot be stored as JSON');
    default:
      // undefined, a function or a symbol: the caller leaves it out (or writes null in an array).
      return undefined;
  }
}

/** An object JSON prints by its own rules: `toJSON` (Dates), boxed primitives, class instances. */
function unusual(value: object, key: string, depth: number): unknown {
  let plain: unknown = value;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') plain = (value as { toJSON: (key: string) => unknown }).toJSON(key);
  if (plain instanceof Number || plain instanceof String || plain instanceof Boolean) plain = plain.valueOf();
  if (typeof plain !== 'object' || plain === null) return primitive(plain);
  if (Array.isArray(plain)) return copy(plain, key, depth);
  const fields: Record<string, unknown> = {};
  for (const name of Object.keys(plain)) {
    const field = copy((plain as Record<string, unknown>)[name], name, depth + 1);
    if (field !== undefined) fields[name] = field;
  }
  return fields;
}
