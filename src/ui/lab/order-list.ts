/** The ordering input's model: option ids in the trainee's order. */

/** `ids` with the item at `index` moved by `delta` places; unchanged when it would leave the list. */
export function moveItem(ids: readonly string[], index: number, delta: number): string[] {
  const to = index + delta;
  if (index < 0 || index >= ids.length || to < 0 || to >= ids.length) return [...ids];
  const out = [...ids];
  const [item] = out.splice(index, 1);
  out.splice(to, 0, item!);
  return out;
}

/** The answer text the grader reads for an order question: option ids, comma separated. */
export const orderAnswer = (ids: readonly string[]): string => ids.join(',');
