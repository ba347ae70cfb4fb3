/**
 * The format language of GNU `stat` (coreutils 9.4, Ubuntu 24.04): the
 * default and terse formats, `%` directives with printf flags, width and
 * precision, the H/L modifiers of %d and %r, and --printf's backslash
 * escapes. Rendering takes a `StatInfo`; finding one is stat.ts's work.
 */
import { strftime } from '../world/time-format';
import { modeString } from './ls';

export type StatKind = 'file' | 'dir' | 'link' | 'chr';

export interface StatInfo {
  /** The operand as typed. */
  name: string;
  kind: StatKind;
  mode: number;
  uid: number;
  gid: number;
  user?: string;
  group?: string;
  size: number;
  blocks: number;
  ioBlock: number;
  dev: [number, number];
  rdev: [number, number];
  ino: number;
  links: number;
  mount: string;
  atime: number;
  mtime: number;
  ctime: number;
  /** Undefined where the filesystem keeps no birth time (procfs). */
  btime?: number;
  target?: string;
  linkError?: string;
}

/** One line per file in the default form; block and character devices get `format2`. */
export function defaultFormat(device: boolean): string {
  const links = device ? 'Links: %-5h Device type: %Hr,%Lr' : 'Links: %h';
  return '  File: %N\n  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\n' +
    `Device: %Hd,%Ld\tInode: %-10i  ${links}\n` +
    'Access: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)\n' +
    'Access: %x\nModify: %y\nChange: %z\n Birth: %w\n';
}

export const TERSE_FORMAT = '%n %s %b %f %u %g %D %i %h %t %T %X %Y %Z %W %o\n';

const TYPE_BITS: Record<StatKind, number> = { file: 0o100000, dir: 0o040000, link: 0o120000, chr: 0o020000 };

function fileType(st: StatInfo): string {
  if (st.kind === 'dir') return 'directory';
  if (st.kind === 'link') return 'symbolic link';
  if (st.kind === 'chr') return 'character special file';
  return st.size === 0 ? 'regular empty file' : 'regular file';
}

function accessString(st: StatInfo): string {
  if (st.kind === 'chr') return 'c' + modeString('file', st.mode).slice(1);
  return modeString(st.kind, st.mode);
}

/** A name as quotearg's shell-escape-always style prints it. */
export function shellQuote(name: string): string {
  if (name.includes("'") && !/["$`\\]/.test(name)) return `"${name}"`;
  return `'${name.replaceAll("'", "'\\''")}'`;
}

const makedev = ([major, minor]: [number, number]) => major * 256 + minor;

/** `2026-12-04 13:01:12.123000000 +0000` in the host's zone. */
function humanTime(ms: number, tz: string): string {
  return strftime('%Y-%m-%d %H:%M:%S.%N %z', ms, tz);
}

function epoch(ms: number, precision: number | undefined): string {
  const secs = String(Math.floor(ms / 1000));
  if (precision === undefined || precision === 0) return secs;
  const ns = String((ms % 1000) * 1_000_000).padStart(9, '0');
  return `${secs}.${ns.slice(0, Math.min(precision, 9)).padEnd(precision, '0')}`;
}

interface Spec {
  flags: string;
  width: number;
  precision?: number;
}

function padded(text: string, spec: Spec, numeric: boolean): string {
  let out = text;
  if (!numeric && spec.precision !== undefined) out = out.slice(0, spec.precision);
  if (numeric && spec.precision !== undefined) out = out.padStart(spec.precision, '0');
  if (out.length >= spec.width) return out;
  if (spec.flags.includes('-')) return out.padEnd(spec.width);
  if (numeric && spec.flags.includes('0') && spec.precision === undefined) return out.padStart(spec.width, '0');
  return out.padStart(spec.width);
}

type Value = { text: string; numeric: boolean };
const str = (text: string): Value => ({ text, numeric: false });
const num = (n: number): Value => ({ text: String(n), numeric: true });

/** One directive's value, or undefined for an unknown one (GNU prints `?`). */
function directive(st: StatInfo, mod: string, ch: string, spec: Spec, ctx: RenderContext): Value | undefined {
  const hash = spec.flags.includes('#');
  const time = (ms: number | undefined, human: boolean): Value =>
    human ? str(ms === undefined ? '-' : humanTime(ms, ctx.tz)) : { text: epoch(ms ?? 0, spec.precision), numeric: true };
  switch (ch) {
    case 'n': return str(st.name);
    case 'N': return str(nameWithTarget(st, ctx));
    case 'd': return num(mod === 'H' ? st.dev[0] : mod === 'L' ? st.dev[1] : makedev(st.dev));
    case 'D': return { text: (hash ? '0x' : '') + makedev(st.dev).toString(16), numeric: true };
    case 'r': return num(mod === 'H' ? st.rdev[0] : mod === 'L' ? st.rdev[1] : makedev(st.rdev));
    case 'R': return { text: makedev(st.rdev).toString(16), numeric: true };
    case 't': return { text: st.rdev[0].toString(16), numeric: true };
    case 'T': return { text: st.rdev[1].toString(16), numeric: true };
    case 'i': return num(st.ino);
    case 'a': return { text: (hash ? '0' : '') + (st.mode & 0o7777).toString(8), numeric: true };
    case 'A': return str(accessString(st));
    case 'f': return { text: (TYPE_BITS[st.kind] | (st.mode & 0o7777)).toString(16), numeric: true };
    case 'F': return str(fileType(st));
    case 'h': return num(st.links);
    case 'u': return num(st.uid);
    case 'U': return str(st.user ?? 'UNKNOWN');
    case 'g': return num(st.gid);
    case 'G': return str(st.group ?? 'UNKNOWN');
    case 'm': return str(st.mount);
    case 's': return num(st.size);
    case 'b': return num(st.blocks);
    case 'B': return num(512);
    case 'o': return num(st.ioBlock);
    case 'C': return str('?');
    case 'x': case 'y': case 'z': case 'w':
      return time({ x: st.atime, y: st.mtime, z: st.ctime, w: st.btime }[ch], true);
    case 'X': case 'Y': case 'Z': case 'W':
      return time({ X: st.atime, Y: st.mtime, Z: st.ctime, W: st.btime }[ch], false);
    default: return undefined;
  }
}

function nameWithTarget(st: StatInfo, ctx: RenderContext): string {
  const q = ctx.quote ? shellQuote : (s: string) => s;
  if (st.kind !== 'link') return q(st.name);
  if (st.linkError) {
    ctx.errors.push(`stat: cannot read symbolic link ${shellQuote(st.name)}: ${st.linkError}\n`);
    ctx.failed = true;
    return q(st.name);
  }
  return `${q(st.name)} -> ${q(st.target ?? '')}`;
}

export interface RenderContext {
  tz: string;
  /** %N quotes names (a user's format) or prints them as they are (the default). */
  quote: boolean;
  backslashes: boolean;
  errors: string[];
  failed: boolean;
  /** A fatal format error (`'%5%': invalid directive`). */
  fatal?: string;
}

const ESCAPES: Record<string, string> = {
  a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '"': '"', '\\': '\\',
};

function escape(fmt: string, i: number, ctx: RenderContext): [string, number] {
  const next = fmt[i + 1];
  if (next === undefined) {
    ctx.errors.push('stat: warning: backslash at end of format\n');
    return ['\\', i];
  }
  const oct = /^[0-7]{1,3}/.exec(fmt.slice(i + 1));
  if (oct) return [String.fromCharCode(parseInt(oct[0], 8) & 0xff), i + oct[0].length];
  const hex = next === 'x' ? /^[0-9a-fA-F]{1,2}/.exec(fmt.slice(i + 2)) : null;
  if (hex) return [String.fromCharCode(parseInt(hex[0], 16)), i + 1 + hex[0].length];
  return [Object.hasOwn(ESCAPES, next) ? ESCAPES[next] ?? next : `\\${next}`, i + 1];
}

const DIRECTIVE = /^%([-'+ #0I]*)(\d*)(?:\.(\d*))?/;

/** FORMAT applied to one file. */
export function render(fmt: string, st: StatInfo, ctx: RenderContext): string {
  let out = '';
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i] ?? '';
    if (c === '\\' && ctx.backslashes) {
      const [text, end] = escape(fmt, i, ctx);
      out += text;
      i = end;
      continue;
    }
    if (c !== '%') {
      out += c;
      continue;
    }
    const m = DIRECTIVE.exec(fmt.slice(i)) ?? ['%', '', '', undefined];
    const head = m[0];
    const spec: Spec = { flags: m[1] ?? '', width: Number(m[2] || 0), precision: m[3] === undefined ? undefined : Number(m[3] || 0) };
    i += head.length;
    let ch = fmt[i];
    if (ch === undefined || ch === '%') {
      if (head.length > 1) {
        ctx.fatal = `stat: ${shellQuote(head + (ch ?? ''))}: invalid directive\n`;
        return out;
      }
      if (ch === undefined) i--;
      out += '%';
      continue;
    }
    let mod = '';
    if ((ch === 'H' || ch === 'L') && (fmt[i + 1] === 'd' || fmt[i + 1] === 'r')) {
      mod = ch;
      ch = fmt[++i] ?? '';
    }
    const value = directive(st, mod, ch, spec, ctx);
    out += value ? padded(value.text, spec, value.numeric) : '?';
  }
  return out;
}
