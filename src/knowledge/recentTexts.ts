/**
 * `fn` with its results for the last `size` texts kept. Within one turn the answerer, the index and
 * the facet chooser each normalise the same message (four to six times a question); keeping a few
 * recent results does that work once, without holding on to every message ever asked.
 */
export function rememberingRecent<T>(fn: (text: string) => T, size: number): (text: string) => T {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`knowledge/recentTexts: size must be a whole number of at least 1, got ${String(size)}`);
  const recent = new Map<string, T>();
  return (text) => {
    if (recent.has(text)) return recent.get(text) as T;
    const result = fn(text);
    if (recent.size >= size) recent.delete(recent.keys().next().value!);
    recent.set(text, result);
    return result;
  };
}
