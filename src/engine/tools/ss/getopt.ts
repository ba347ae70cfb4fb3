/**
 * A GNU getopt_long work-alike, used by ss and netstat: short options
 * ("tuln", "f:" for one taking an argument), long options with unique-prefix
 * abbreviation, "--name=value", argument permutation (operands may come
 * before options) and "--" to end options. It stops at the first error and
 * words it as glibc does, so the caller can print usage and exit.
 */

export interface LongOption {
  name: string;
  /** Whether the option takes an argument. */
  arg: 'none' | 'required';
  /** The key reported for it (often the matching short letter). */
  key: string;
}

export interface ParsedOption {
  key: string;
  value?: string;
}

export interface GetoptResult {
  options: ParsedOption[];
  operands: string[];
  /** glibc's message, without the trailing newline, when parsing failed. */
  error?: string;
}

/** Parse a short-option spec: "ab:c" -> Map(a:false, b:true, c:false). */
function shortTable(spec: string): Map<string, boolean> {
  const table = new Map<string, boolean>();
  for (let i = 0; i < spec.length; i++) {
    const c = spec[i] as string;
    if (c === ':') continue;
    table.set(c, spec[i + 1] === ':');
  }
  return table;
}

function matchLong(name: string, longs: readonly LongOption[]): LongOption[] {
  const exact = longs.find((l) => l.name === name);
  if (exact) return [exact];
  const hits = longs.filter((l) => l.name.startsWith(name));
  const distinct = hits.filter(
    (h, i) => hits.findIndex((o) => o.key === h.key && o.arg === h.arg) === i,
  );
  return distinct.length === 1 ? distinct : hits;
}

export function getopt(
  argv: readonly string[],
  shortSpec: string,
  longs: readonly LongOption[],
  prog: string,
): GetoptResult {
  const shorts = shortTable(shortSpec);
  const options: ParsedOption[] = [];
  const operands: string[] = [];
  const fail = (error: string): GetoptResult => ({ options, operands, error });

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      operands.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = arg.slice(2, eq < 0 ? undefined : eq);
      const hits = matchLong(name, longs);
      if (hits.length === 0) return fail(`${prog}: unrecognized option '${arg}'`);
      if (hits.length > 1) {
        const list = hits.map((h) => `'--${h.name}'`).join(' ');
        return fail(`${prog}: option '--${name}' is ambiguous; possibilities: ${list}`);
      }
      const opt = hits[0] as LongOption;
      if (opt.arg === 'none') {
        if (eq >= 0) return fail(`${prog}: option '--${opt.name}' doesn't allow an argument`);
        options.push({ key: opt.key });
      } else if (eq >= 0) {
        options.push({ key: opt.key, value: arg.slice(eq + 1) });
      } else if (i + 1 < argv.length) {
        options.push({ key: opt.key, value: argv[++i] as string });
      } else {
        return fail(`${prog}: option '--${opt.name}' requires an argument`);
      }
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const c = arg[j] as string;
        const takes = shorts.get(c);
        if (takes === undefined) return fail(`${prog}: invalid option -- '${c}'`);
        if (!takes) {
          options.push({ key: c });
          continue;
        }
        if (j + 1 < arg.length) options.push({ key: c, value: arg.slice(j + 1) });
        else if (i + 1 < argv.length) options.push({ key: c, value: argv[++i] as string });
        else return fail(`${prog}: option requires an argument -- '${c}'`);
        break;
      }
      continue;
    }
    operands.push(arg);
  }
  return { options, operands };
}
