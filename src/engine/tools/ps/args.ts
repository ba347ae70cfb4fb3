/**
 * ps's three option syntaxes, as procps-ng parses them: UNIX (`-ef`,
 * `-p 1,2`, `-o pid,cmd`), BSD (`aux`, `axf`, `o pid`) and GNU long
 * (`--forest`, `--sort=-pcpu`). The result says what to select and how to
 * print it; errors carry procps's wording.
 */

export interface PsArgs {
  all: boolean;
  bsdA: boolean;
  bsdX: boolean;
  unixA: boolean;
  pids: number[];
  ppids: number[];
  users: string[];
  commands: string[];
  ttys: string[];
  /** User-defined fields from -o/o/--format; undefined when none. */
  fields?: string[];
  bsdUser: boolean;
  bsdSyntax: boolean;
  full: boolean;
  forest: '' | 'ascii' | 'unix';
  wide: number;
  noHeaders: boolean;
  sort: string[];
  help: boolean;
  version: boolean;
  /** -L (LWP, NLWP), -T (SPID) and BSD H: one row per thread. */
  threadsL: boolean;
  threadsT: boolean;
  threadsH: boolean;
}

export class PsUsageError extends Error {}

const WITH_ARG_UNIX = new Set(['p', 'u', 'U', 'o', 'C', 't', 'G', 'g', 's', 'q']);
const WITH_ARG_BSD = new Set(['o', 'O', 'p', 'U', 't', 'k']);

function list(value: string): string[] {
  return value.split(/[,\s]+/).filter((s) => s !== '');
}

function pidList(value: string): number[] {
  const items = list(value);
  if (items.length === 0 || items.some((s) => !/^\d+$/.test(s))) {
    throw new PsUsageError('process ID list syntax error');
  }
  return items.map(Number);
}

function fresh(): PsArgs {
  return {
    all: false, bsdA: false, bsdX: false, unixA: false, pids: [], ppids: [], users: [],
    commands: [], ttys: [], bsdUser: false, bsdSyntax: false, full: false, forest: '',
    wide: 0, noHeaders: false, sort: [], help: false, version: false,
    threadsL: false, threadsT: false, threadsH: false,
  };
}

/** `pid,user=NAME,cmd`: a `=` header runs to the end of the argument. */
function addFields(a: PsArgs, value: string): void {
  const out: string[] = [];
  const parts = value.split(',');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    if (part.includes('=')) {
      out.push(parts.slice(i).join(','));
      break;
    }
    out.push(...part.split(/\s+/).filter((s) => s !== ''));
  }
  if (out.length === 0) throw new PsUsageError('improper list');
  a.fields = [...(a.fields ?? []), ...out];
}

function unixOption(a: PsArgs, ch: string, value: string): void {
  switch (ch) {
    case 'e': case 'A': a.all = true; break;
    case 'a': a.unixA = true; break;
    case 'f': a.full = true; break;
    case 'H': a.forest = 'unix'; break;
    case 'w': a.wide++; break;
    case 'p': case 'q': a.pids.push(...pidList(value)); break;
    case 'u': case 'U': a.users.push(...list(value)); break;
    case 'C': a.commands.push(...list(value)); break;
    case 't': a.ttys.push(...list(value)); break;
    case 'o': addFields(a, value); break;
    case 'L': a.threadsL = true; break;
    case 'T': a.threadsT = true; break;
    default: throw new PsUsageError('unsupported SysV option');
  }
}

function bsdOption(a: PsArgs, ch: string, value: string): void {
  a.bsdSyntax = true;
  switch (ch) {
    case 'a': a.bsdA = true; break;
    case 'x': a.bsdX = true; break;
    case 'u': a.bsdUser = true; break;
    case 'f': a.forest = 'ascii'; break;
    case 'w': a.wide++; break;
    case 'h': a.noHeaders = true; break;
    case 'e': case 'c': break;
    case 'p': a.pids.push(...pidList(value)); break;
    case 'U': a.users.push(...list(value)); break;
    case 't': a.ttys.push(...list(value)); break;
    case 'o': case 'O': addFields(a, value); break;
    case 'k': a.sort.push(...list(value)); break;
    case 'H': a.threadsH = true; break;
    default: throw new PsUsageError('unsupported option (BSD syntax)');
  }
}

const LONG_WITH_ARG = new Set(['sort', 'pid', 'ppid', 'user', 'format', 'cols', 'columns', 'width', 'tty', 'User']);

function longOption(a: PsArgs, name: string, value: string): void {
  switch (name) {
    case 'forest': a.forest = 'ascii'; break;
    case 'no-headers': case 'no-heading': case 'noheaders': case 'noheading': a.noHeaders = true; break;
    case 'sort': a.sort.push(...list(value)); break;
    case 'pid': a.pids.push(...pidList(value)); break;
    case 'ppid': a.ppids.push(...pidList(value)); break;
    case 'user': case 'User': a.users.push(...list(value)); break;
    case 'tty': a.ttys.push(...list(value)); break;
    case 'format': addFields(a, value); break;
    case 'cols': case 'columns': case 'width': a.wide = 2; break;
    case 'help': a.help = true; break;
    case 'version': a.version = true; break;
    default: throw new PsUsageError('unknown gnu long option');
  }
}

const UNIX_LETTERS = new Set([...'eAafHwpquUCtoLT']);

/**
 * procps accepts BSD letters after a dash (`ps -x`, `ps -aux`): a token with
 * a letter UNIX syntax lacks, or `-aux`-style with an x, is read as BSD.
 */
function bsdWithDash(tok: string): boolean {
  const body = tok.slice(1);
  if (/^[aux]+[fw]*$/.test(body) && body.includes('x')) return true;
  return [...body].some((c) => !UNIX_LETTERS.has(c)) && /^[auxfwhec]+$/.test(body);
}

/** Parses argv (without argv[0]). Throws PsUsageError with procps's message. */
export function parsePsArgs(args: string[]): PsArgs {
  const a = fresh();
  for (let i = 0; i < args.length; i++) {
    const tok = args[i] ?? '';
    const next = (): string => {
      const v = args[++i];
      if (v === undefined) throw new PsUsageError('list of process IDs must follow -p');
      return v;
    };
    if (tok.startsWith('--')) {
      const eq = tok.indexOf('=');
      const name = tok.slice(2, eq < 0 ? undefined : eq);
      const value = eq >= 0 ? tok.slice(eq + 1) : LONG_WITH_ARG.has(name) ? next() : '';
      longOption(a, name, value);
    } else if (tok.startsWith('-') && tok.length > 1 && !bsdWithDash(tok)) {
      for (let j = 1; j < tok.length; j++) {
        const ch = tok[j] ?? '';
        if (!WITH_ARG_UNIX.has(ch)) { unixOption(a, ch, ''); continue; }
        const rest = tok.slice(j + 1);
        unixOption(a, ch, rest !== '' ? rest : next());
        break;
      }
    } else if (/^\d+(,\d+)*$/.test(tok)) {
      a.pids.push(...pidList(tok));
    } else {
      const bsd = tok.replace(/^-/, '');
      for (let j = 0; j < bsd.length; j++) {
        const ch = bsd[j] ?? '';
        if (!WITH_ARG_BSD.has(ch)) { bsdOption(a, ch, ''); continue; }
        const rest = bsd.slice(j + 1);
        bsdOption(a, ch, rest !== '' ? rest : next());
        break;
      }
    }
  }
  threadCheck(a);
  return a;
}

/** procps's thread_option_check: threads and forests do not mix, nor -L and -T. */
function threadCheck(a: PsArgs): void {
  if (!a.threadsL && !a.threadsT && !a.threadsH) return;
  if (a.forest) throw new PsUsageError('thread display conflicts with forest display');
  if (a.threadsL && a.threadsT) throw new PsUsageError("thread flags conflict; can't use both -L and -T");
  if (a.threadsH && (a.threadsL || a.threadsT) && a.fields) {
    throw new PsUsageError('-L/-T with H/m/-m and -o/-O/o/O is nonsense');
  }
}

export const USAGE = `
Usage:
 ps [options]

 Try 'ps --help <simple|list|output|threads|misc|all>'
  or 'ps --help <s|l|o|t|m|a>'
 for additional help text.

For more details see ps(1).
`;
