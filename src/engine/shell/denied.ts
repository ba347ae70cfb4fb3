/**
 * just-bash's cat, head, wc and grep say "No such file or directory" for
 * any file they could not read. These wrappers run them and, for a file
 * the filesystem refused (EACCES: a directory above it may not be searched
 * or the file may not be read), say what GNU's say instead. grep's
 * patterns are gathered first (grep-patterns.ts).
 */
import { defineCommand } from 'just-bash';
import type { Command, IFileSystem } from 'just-bash';
import { joinPatterns } from './grep-patterns';

/** GNU's words for a file it may not open, by program. */
const DENIED: ReadonlyMap<string, (file: string) => string> = new Map([
  ['cat', (f: string) => `cat: ${f}: Permission denied`],
  ['head', (f: string) => `head: cannot open '${f}' for reading: Permission denied`],
  ['wc', (f: string) => `wc: ${f}: Permission denied`],
  ['grep', (f: string) => `grep: ${f}: Permission denied`],
]);

async function refused(fs: IFileSystem, path: string): Promise<boolean> {
  try {
    await fs.readFile(path);
    return false;
  } catch (error) {
    return (error as { code?: unknown }).code === 'EACCES';
  }
}

async function reword(name: string, stderr: string, fs: IFileSystem, cwd: string): Promise<string> {
  const say = DENIED.get(name);
  if (!say || !stderr.includes(': No such file or directory')) return stderr;
  const prefix = `${name}: `;
  const suffix = ': No such file or directory';
  const lines = stderr.split('\n');
  for (const [i, line] of lines.entries()) {
    if (!line.startsWith(prefix) || !line.endsWith(suffix)) continue;
    const file = line.slice(prefix.length, line.length - suffix.length);
    if (file !== '' && (await refused(fs, fs.resolvePath(cwd, file)))) lines[i] = say(file);
  }
  return lines.join('\n');
}

/** cat, head, wc or grep, wrapped (commands.ts loads this module on the first use of one). */
export function deniedReader(name: string): Command {
  return defineCommand(name, async (args, ctx) => {
    if (!ctx.origCommand) return { stdout: '', stderr: `${name}: unavailable\n`, exitCode: 1 };
    // grep: several -e patterns, which just-bash's grep would cut to the last.
    const result = await ctx.origCommand(name === 'grep' ? joinPatterns(args) : args);
    return { ...result, stderr: await reword(name, result.stderr, ctx.fs, ctx.cwd) };
  });
}
