/**
 * Tab completion for the trainee's line editor: command names in the first
 * word, a tool's options after a dash, paths everywhere else, as bash with
 * bash-completion would offer them.
 */
import type { IFileSystem } from 'just-bash';
import type { Tool } from '../tools/types';
import type { OptionSupport } from '../tools/types';
import { FOLLOW_COMMAND_NAMES } from './follow-commands';
import { normalizePath } from './host-fs';
import { LESS_OPTIONS, MORE_OPTIONS } from './pager';
import { TAIL_OPTIONS } from './tail-options';
import { WATCH_OPTIONS } from './watch-options';

export interface CompletionSources {
  fs: IFileSystem;
  cwd: string;
  tools: readonly Tool[];
  utilities: readonly string[];
}

const SESSION_WORDS = ['sudo', 'su', 'history', 'ls', 'cd', 'export', 'exit', 'logout', ...FOLLOW_COMMAND_NAMES];

/** The option tables of the shell's own programs, for completing a dash. */
const SHELL_OPTIONS = new Map<string, readonly OptionSupport[]>([
  ['tail', TAIL_OPTIONS], ['watch', WATCH_OPTIONS], ['less', LESS_OPTIONS], ['more', MORE_OPTIONS],
]);

export async function completeLine(
  line: string,
  cursor: number,
  sources: CompletionSources,
): Promise<{ start: number; candidates: string[] }> {
  const before = line.slice(0, Math.max(0, Math.min(cursor, line.length)));
  const start = Math.max(before.lastIndexOf(' '), before.lastIndexOf('|'), before.lastIndexOf(';')) + 1;
  const word = before.slice(start);
  const previous = before.slice(0, start).trim().split(/\s+/).filter(Boolean);
  const commandWord = previous.length === 0 || /[|;&]$/.test(before.slice(0, start).trim()) || previous[previous.length - 1] === 'sudo';

  if (commandWord && !word.includes('/')) {
    const names = new Set<string>([...SESSION_WORDS, ...sources.utilities]);
    for (const tool of sources.tools) {
      names.add(tool.name);
      for (const alias of tool.aliases ?? []) names.add(alias);
    }
    return { start, candidates: [...names].filter((n) => n.startsWith(word)).sort() };
  }
  if (word.startsWith('-')) {
    const command = previous.find((w) => w !== 'sudo') ?? '';
    const tool = sources.tools.find((t) => t.name === command || t.aliases?.includes(command));
    // An option row may name several spellings ("-n, --numeric", "-i IFACE / -i any").
    const flags = (tool?.options ?? SHELL_OPTIONS.get(command) ?? [])
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
