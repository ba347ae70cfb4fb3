/**
 * Tab completion for the trainee's line editor: command names in the first
 * word, a tool's options after a dash, paths everywhere else, as bash with
 * bash-completion would offer them.
 */
import type { IFileSystem } from 'just-bash';
import type { ToolEntry } from '../tools/registry';
import type { OptionSupport } from '../tools/types';
import { FOLLOW_COMMAND_NAMES } from './follow-commands';
import { normalizePath } from './host-fs';
import { lastShellWord } from './shell-word';

export interface CompletionSources {
  fs: IFileSystem;
  cwd: string;
  /** The simulated programs; a program's module loads to complete its options. */
  tools: readonly ToolEntry[];
  utilities: readonly string[];
}

const SESSION_WORDS = ['sudo', 'su', 'history', 'ls', 'cd', 'export', 'exit', 'logout', ...FOLLOW_COMMAND_NAMES];

type Options = readonly OptionSupport[];

/** The option tables of the shell's own programs, for completing a dash (loaded with the program). */
const SHELL_OPTIONS = new Map<string, () => Promise<Options>>([
  ['tail', () => import('./tail-options').then((m) => m.TAIL_OPTIONS)],
  ['watch', () => import('./watch-options').then((m) => m.WATCH_OPTIONS)],
  ['less', () => import('./pager').then((m) => m.LESS_OPTIONS)],
  ['more', () => import('./pager').then((m) => m.MORE_OPTIONS)],
]);

async function optionsOf(command: string, tools: CompletionSources['tools']): Promise<Options> {
  const load = tools.find((t) => t.name === command)?.load ?? SHELL_OPTIONS.get(command);
  if (!load) return [];
  const loaded = await load().catch(() => undefined);
  return (loaded && 'options' in loaded ? loaded.options : loaded) ?? [];
}

export async function completeLine(
  line: string,
  cursor: number,
  sources: CompletionSources,
): Promise<{ start: number; candidates: string[] }> {
  const before = line.slice(0, Math.max(0, Math.min(cursor, line.length)));
  // The word as the shell reads it: `my\ n` or `'my n` complete `my notes`.
  const { start, value: word } = lastShellWord(before);
  const previous = before.slice(0, start).trim().split(/\s+/).filter(Boolean);
  const commandWord = previous.length === 0 || /[|;&]$/.test(before.slice(0, start).trim()) || previous[previous.length - 1] === 'sudo';

  if (commandWord && !word.includes('/')) {
    const names = new Set<string>([...SESSION_WORDS, ...sources.utilities]);
    for (const tool of sources.tools) names.add(tool.name);
    return { start, candidates: [...names].filter((n) => n.startsWith(word)).sort() };
  }
  if (word.startsWith('-')) {
    const command = previous.find((w) => w !== 'sudo') ?? '';
    // An option row may name several spellings ("-n, --numeric", "-i IFACE / -i any").
    const flags = (await optionsOf(command, sources.tools))
      .flatMap((o) => o.flag.split(/[\s,/|]+/))
      .map((f) => f.replace(/[=[].*$/, ''))
      .filter((f) => /^--?[A-Za-z0-9]/.test(f) && f.startsWith(word));
    return { start, candidates: [...new Set(flags)].sort() };
  }
  return { start, candidates: await completePath(word, sources) };
}

async function completePath(word: string, sources: CompletionSources): Promise<string[]> {
  const slash = word.lastIndexOf('/');
  const dirPart = slash >= 0 ? word.slice(0, slash + 1) : '';
  const prefix = word.slice(slash + 1);
  const dir = normalizePath(dirPart.startsWith('/') ? dirPart : `${sources.cwd}/${dirPart}`);
  let entries: string[];
  try {
    entries = await sources.fs.readdir(dir);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const name of entries) {
    if (!name.startsWith(prefix) || (name.startsWith('.') && !prefix.startsWith('.'))) continue;
    const full = `${dir === '/' ? '' : dir}/${name}`;
    const isDir = await sources.fs.stat(full).then((s) => s.isDirectory, () => false);
    out.push(dirPart + name + (isDir ? '/' : ''));
  }
  return out.sort();
}
