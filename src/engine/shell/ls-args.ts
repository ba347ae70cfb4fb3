/**
 * ls's command line, read as coreutils 9.4's getopt_long reads it: bundled
 * short options, long options by any unambiguous prefix, `--opt=ARG` or
 * `--opt ARG`. The lab's file times are one (the world keeps a modification
 * time only), so -c, -u and --time=WORD change which sort applies, never
 * the times shown.
 */
import { LOCALE_STYLE, parseTimeStyle } from './ls-time';
import type { TimeStyle } from './ls-time';

export type SortKey = 'name' | 'time' | 'size' | 'none' | 'extension' | 'version' | 'width';

export interface LsOptions {
  /** Short letters in effect: l a A d 1 h n i r. */
  flags: Set<string>;
  sort: SortKey;
  style: TimeStyle;
  paths: string[];
}

const SHORT = new Set(['l', 'a', 'A', 'd', '1', 'h', 'n', 'i', 't', 'r', 'S', 'U', 'X', 'v', 'c', 'u']);
/** Real ls short options the lab does not simulate. */
const SHORT_REAL = new Set([...'bBCDfFgGHIkLmNopqQRsTwxZ']);

const SORTS: [string, SortKey][] = [
  ['none', 'none'], ['time', 'time'], ['size', 'size'], ['extension', 'extension'],
  ['version', 'version'], ['width', 'width'],
];
const TIMES = ['atime', 'access', 'use', 'ctime', 'status', 'birth', 'creation', 'mtime', 'modification'];

/** Long options the lab reads; the value says whether it takes an argument. */
const LONG: Record<string, boolean> = {
  all: false, 'almost-all': false, directory: false, 'human-readable': false, inode: false,
  'numeric-uid-gid': false, reverse: false, sort: true, time: true, 'time-style': true,
  'full-time': false, color: true,
};
const LONG_REAL = [
  'author', 'escape', 'block-size', 'ignore-backups', 'dired', 'classify', 'file-type',
  'format', 'group-directories-first', 'no-group', 'si', 'dereference-command-line',
  'dereference-command-line-symlink-to-dir', 'hide', 'hyperlink', 'indicator-style',
  'ignore', 'kibibytes', 'dereference', 'literal', 'indicator-style', 'hide-control-chars',
  'show-control-chars', 'quote-name', 'quoting-style', 'recursive', 'size', 'tabsize',
  'width', 'context', 'zero', 'help', 'version',
];

const usage = "Try 'ls --help' for more information.\n";

function argmatch(opt: string, arg: string, names: string[]): string | { error: string } {
  if (names.includes(arg)) return arg;
  const hits = names.filter((n) => arg !== '' && n.startsWith(arg));
  if (hits.length === 1 && hits[0]) return hits[0];
  const how = hits.length > 1 ? 'ambiguous' : 'invalid';
  return { error: `ls: ${how} argument '${arg}' for '--${opt}'\n` };
}

function matchLong(name: string): string | { error: string } {
  const all = [...Object.keys(LONG), ...LONG_REAL];
  if (all.includes(name)) return name;
  const hits = [...new Set(all.filter((n) => n.startsWith(name)))];
  if (hits.length === 1 && hits[0]) return hits[0];
  if (hits.length === 0) return { error: `ls: unrecognized option '--${name}'\n${usage}` };
  return { error: `ls: option '--${name}' is ambiguous; possibilities:${hits.map((h) => ` '--${h}'`).join('')}\n${usage}` };
}

/** Parses ls's arguments; an error is ls's whole message (exit 2). */
export function parseLs(args: string[], env: (k: string) => string | undefined): LsOptions | { error: string } {
  const flags = new Set<string>();
  const paths: string[] = [];
  let sort: SortKey | undefined;
  let timeSet = false;
  let styleArg = env('TIME_STYLE');
  const short = (f: string): string | undefined => {
    if (SHORT_REAL.has(f)) return `ls: option '-${f}' is not simulated in this lab\n`;
    if (!SHORT.has(f)) return `ls: invalid option -- '${f}'\n${usage}`;
    if (f === 't') sort = 'time';
    else if (f === 'S') sort = 'size';
    else if (f === 'U') sort = 'none';
    else if (f === 'X') sort = 'extension';
    else if (f === 'v') sort = 'version';
    else if (f === 'c' || f === 'u') timeSet = true;
    else flags.add(f);
    return undefined;
  };
  const long = (name: string, value: string | undefined): string | undefined => {
    if (name === 'sort') {
      const m = argmatch('sort', value ?? '', SORTS.map(([n]) => n));
      if (typeof m !== 'string') return m.error + validList(SORTS.map(([n]) => [n])) + usage;
      sort = SORTS.find(([n]) => n === m)?.[1];
    } else if (name === 'time') {
      const m = argmatch('time', value ?? '', TIMES);
      if (typeof m !== 'string') return m.error + validList(TIME_GROUPS) + usage;
      timeSet = true;
    } else if (name === 'time-style') styleArg = value;
    else if (name === 'full-time') { flags.add('l'); styleArg = 'full-iso'; }
    else if (!Object.hasOwn(LONG, name)) return `ls: option '--${name}' is not simulated in this lab\n`;
    else flags.add(LONG_FLAG[name] ?? '');
    return undefined;
  };
  let options = true;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (!options || arg === '-' || !arg.startsWith('-')) { paths.push(arg); continue; }
    if (arg === '--') { options = false; continue; }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const m = matchLong(eq < 0 ? arg.slice(2) : arg.slice(2, eq));
      if (typeof m !== 'string') return m;
      const takes = LONG[m] ?? ['block-size', 'color', 'format', 'hide', 'hyperlink', 'indicator-style',
        'ignore', 'quoting-style', 'tabsize', 'width'].includes(m);
      let value = eq < 0 ? undefined : arg.slice(eq + 1);
      if (!takes && value !== undefined) return { error: `ls: option '--${m}' doesn't allow an argument\n${usage}` };
      if (takes && value === undefined && !['color', 'hyperlink'].includes(m)) {
        if (i + 1 >= args.length) return { error: `ls: option '--${m}' requires an argument\n${usage}` };
        value = args[++i];
      }
      const err = long(m, value);
      if (err) return { error: err };
      continue;
    }
    for (const f of arg.slice(1)) {
      const err = short(f);
      if (err) return { error: err };
    }
  }
  // -n is -l with numbers.
  if (flags.has('n')) flags.add('l');
  let style = LOCALE_STYLE;
  if (styleArg !== undefined && flags.has('l')) {
    const parsed = parseTimeStyle(styleArg, env('LC_ALL') || env('LC_TIME') || env('LANG') || '');
    if ('error' in parsed) return { error: parsed.error + usage };
    style = parsed;
  }
  // -c, -u and --time sort by that time when the listing is not long.
  const order = sort ?? (timeSet && !flags.has('l') ? 'time' : 'name');
  return { flags, sort: order, style, paths };
}

const LONG_FLAG: Record<string, string> = {
  all: 'a', 'almost-all': 'A', directory: 'd', 'human-readable': 'h', inode: 'i',
  'numeric-uid-gid': 'n', reverse: 'r',
};

const TIME_GROUPS = [['atime', 'access', 'use'], ['ctime', 'status'], ['birth', 'creation'],
  ['mtime', 'modification']];

/** argmatch's list: one line per meaning, its synonyms after commas. */
function validList(groups: string[][]): string {
  return 'Valid arguments are:\n' + groups.map((g) => `  - ${g.map((n) => `'${n}'`).join(', ')}\n`).join('');
}
