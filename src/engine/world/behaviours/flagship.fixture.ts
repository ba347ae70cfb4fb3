/**
 * For tests: the flagship scenario compiled once per seed. Tests read the
 * file themselves (the engine has no file system) and pass its text.
 */
import { compileText, type Compiled } from './testkit';

const cache = new Map<string, Compiled>();

export function compiledOnce(text: string, seed?: number): Compiled {
  const key = `${seed ?? 'doc'}|${text.length}|${text.slice(0, 64)}`;
  let c = cache.get(key);
  if (!c) cache.set(key, (c = compileText(text, seed)));
  return c;
}
