/**
 * `less` (590) and `more` (util-linux 2.39). When their output is not a
 * terminal both behave as the real ones do: they copy the files out (more
 * with its `::::::::::::::` header when it pages several files or reads a
 * pipe), with their own words for a missing file or a directory. On the
 * terminal the lab has no pager screen, so they print the whole text the
 * same way and return at once: the trainee is never left in a pager.
 *
 * The terminal is told apart from a pipe by OUTBOUND_STDOUT_TTY (set by the
 * session for a line without `|` or `>`); an empty standard input counts as
 * the terminal, a non-empty one as a pipe.
 */
import { defineCommand } from 'just-bash';
import type { Command, CommandContext } from 'just-bash';
import type { OptionSupport } from '../tools/types';
import { decodeStdin } from './commands';

export const LESS_OPTIONS: readonly OptionSupport[] = [
  {
    flag: '-N -S -R -X -F -i -M -e (and the other letters less knows)', support: 'partial',
    note: 'accepted; the text is printed whole, without a pager screen',
  },
  { flag: '+CMD', support: 'partial', note: 'accepted and ignored (+F does not follow; use tail -f)' },
  { flag: '-V, --version', support: 'full' },
  { flag: '--help', support: 'none', note: 'not simulated' },
];

export const MORE_OPTIONS: readonly OptionSupport[] = [
  { flag: '+NUM', support: 'full' },
  { flag: '+/STRING', support: 'full' },
  { flag: '-d -f -l -c -p -s -u -e', support: 'partial', note: 'accepted; the text is printed whole' },
  { flag: '-n NUM, -NUM', support: 'partial', note: 'accepted; there are no screens' },
  { flag: '-V, --version', support: 'full' },
];

export const LESS_VERSION = `less 590 (GNU regular expressions)
Copyright (C) 1984-2021  Mark Nudelman

less comes with NO WARRANTY, to the extent permitted by law.
For information about the terms of redistribution,
see the file named README in the less distribution.
Home page: https://greenwoodsoftware.com/less
`;

const MORE_TRY = "Try 'more --help' for more information.\n";
/** Letters less does not know; the others are its options. */
const LESS_UNKNOWN = new Set(['l', 'v', 'H', 'Y', 'Z']);
/** less options that take a value (attached or the next word). */
const LESS_VALUE = new Set([...'bhjkoOpPtTxyzD#']);

type Opened = { ok: true; text: string } | { ok: false; why: 'missing' | 'denied' | 'directory' };
type Result = { stdout: string; stderr: string; exitCode: number };

const stdinText = (ctx: CommandContext) => decodeStdin(ctx.stdin as unknown as string);
const reason = (why: 'missing' | 'denied') =>
  (why === 'denied' ? 'Permission denied' : 'No such file or directory');

async function open(ctx: CommandContext, name: string): Promise<Opened> {
  if (name === '-') return { ok: true, text: stdinText(ctx) };
  const path = ctx.fs.resolvePath(ctx.cwd, name);
  try {
    if ((await ctx.fs.stat(path)).isDirectory) return { ok: false, why: 'directory' };
    return { ok: true, text: await ctx.fs.readFile(path) };
  } catch (error) {
    return { ok: false, why: error instanceof Error && /EACCES/.test(error.message) ? 'denied' : 'missing' };
  }
}

const toTerminal = (ctx: CommandContext) => ctx.env.get('OUTBOUND_STDOUT_TTY') === '1';
const stdinIsTerminal = (ctx: CommandContext) => String(ctx.stdin ?? '') === '';

export function lessCommand(): Command {
  return defineCommand('less', async (args, ctx) => {
    const files: string[] = [];
    let stderr = '';
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '-V' || a === '--version') return { stdout: LESS_VERSION, stderr: '', exitCode: 0 };
      if (a === '--') {
        files.push(...args.slice(i + 1));
        break;
      }
      if (a.startsWith('+')) continue;
      if (a.startsWith('--') && a.length > 2) continue;
      if (!a.startsWith('-') || a === '-') {
        files.push(a);
        continue;
      }
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        if (LESS_UNKNOWN.has(c)) stderr += `There is no -${c} option ("less --help" for help)\n`;
        else if (LESS_VALUE.has(c)) {
          if (j === a.length - 1) i++;
          break;
        }
      }
    }
    const tty = toTerminal(ctx);
    if (files.length === 0) {
      if (!stdinIsTerminal(ctx)) return { stdout: stdinText(ctx), stderr, exitCode: 0 };
      return { stdout: 'Missing filename ("less --help" for help)\n', stderr, exitCode: 0 };
    }
    let stdout = '';
    let shown = 0;
    for (const name of files) {
      const f = await open(ctx, name);
      if (f.ok) {
        stdout += f.text;
        shown++;
        continue;
      }
      const message = f.why === 'directory' ? `${name} is a directory\n` : `${name}: ${reason(f.why)}\n`;
      // Without a terminal less writes its messages into the text it copies.
      if (tty) stderr += message;
      else stdout += message;
    }
    return { stdout, stderr, exitCode: tty && shown === 0 ? 1 : 0 };
  });
}

interface MoreStart {
  line?: number;
  pattern?: string;
}

/** The text from where +NUM or +/STRING says to start. */
function moreStart(text: string, start: MoreStart): { text: string; notFound?: boolean } {
  const lines = text.split(/(?<=\n)/);
  if (start.pattern !== undefined) {
    const hit = lines.findIndex((l) => l.includes(start.pattern!));
    if (hit < 0) return { text, notFound: true };
    return { text: '\n...skipping\n' + lines.slice(Math.max(0, hit - 2)).join('') };
  }
  return { text: start.line ? lines.slice(start.line - 1).join('') : text };
}

const MORE_LONG = [
  '--silent', '--logical', '--no-pause', '--print-over', '--clean-print', '--squeeze', '--plain',
  '--exit-on-eof',
];

type MoreArgs = { ok: true; files: string[]; start: MoreStart } | { ok: false; result: Result };

function parseMoreArgs(args: readonly string[]): MoreArgs {
  const files: string[] = [];
  const start: MoreStart = {};
  const fail = (stderr: string): MoreArgs => ({ ok: false, result: { stdout: '', stderr, exitCode: 1 } });
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-V' || a === '--version') {
      return { ok: false, result: { stdout: 'more from util-linux 2.39.3\n', stderr: '', exitCode: 0 } };
    }
    if (/^\+\d+$/.test(a)) start.line = Number(a.slice(1));
    else if (a.startsWith('+/')) start.pattern = a.slice(2);
    else if (a === '-n' || a === '--lines') i++;
    else if (/^-(\d+|n\d+)$/.test(a) || /^--lines=\d+$/.test(a)) continue;
    else if (a.startsWith('--') && a.length > 2) {
      if (!MORE_LONG.includes(a)) return fail(`more: unrecognized option '${a}'\n${MORE_TRY}`);
    } else if (a.startsWith('-') && a.length > 1) {
      const bad = [...a.slice(1)].find((c) => !'dflcpsue'.includes(c));
      if (bad) return fail(`more: invalid option -- '${bad}'\n${MORE_TRY}`);
    } else files.push(a);
  }
  return { ok: true, files, start };
}

export function moreCommand(): Command {
  return defineCommand('more', async (args, ctx) => {
    const parsed = parseMoreArgs(args);
    if (!parsed.ok) return parsed.result;
    const { files, start } = parsed;
    if (files.length === 0) {
      if (stdinIsTerminal(ctx)) return { stdout: '', stderr: `more: bad usage\n${MORE_TRY}`, exitCode: 1 };
      return { stdout: moreStart(stdinText(ctx), start).text, stderr: '', exitCode: 0 };
    }
    // On a terminal more boxes each file's name when it pages several; into
    // a pipe also when its own input is not the terminal.
    const boxed = files.length > 1 || (!toTerminal(ctx) && !stdinIsTerminal(ctx));
    let stdout = '';
    let stderr = '';
    for (const name of files) {
      const f = await open(ctx, name);
      if (!f.ok) {
        if (f.why === 'directory') stdout += `\n*** ${name}: directory ***\n\n`;
        else stderr += `more: cannot open ${name}: ${reason(f.why)}\n`;
        continue;
      }
      const from = moreStart(f.text, start);
      if (from.notFound) stderr += 'Pattern not found';
      if (boxed) stdout += `::::::::::::::\n${name}\n::::::::::::::\n`;
      stdout += from.text;
    }
    return { stdout, stderr, exitCode: 0 };
  });
}
