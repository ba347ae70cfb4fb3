/**
 * `date -r FILE` needs the file as the shell sees it (the world's files and
 * the trainee's own), which a Tool cannot read: this command looks the
 * named files up, then runs the date tool with their modification times.
 */
import type { Command } from 'just-bash';
import type { HostFs } from './host-fs';
import { normalizePath } from './host-fs';
import type { CommandHost } from './commands';
import { toolCommand } from './commands';

export function dateCommand(fs: HostFs, host: CommandHost): Command {
  return {
    name: 'date',
    async execute(args, ctx) {
      const mod = await import('../tools/hostinfo/date');
      const times = new Map<string, number | string>();
      for (const file of mod.referencedFiles(args)) {
        const abs = normalizePath(file.startsWith('/') ? file : `${ctx.cwd}/${file}`);
        const st = await fs.stat(abs).catch(() => undefined);
        if (!st) {
          times.set(file, fs.searchDenied(abs) ? 'Permission denied' : 'No such file or directory');
          continue;
        }
        const meta = await fs.describe(abs).catch(() => undefined);
        times.set(file, meta?.mtime ?? st.mtime.getTime());
      }
      const tool = { ...mod.dateTool, run: (c: Parameters<typeof mod.dateTool.run>[0]) => mod.runDate(c, (f) => times.get(f)) };
      return toolCommand(async () => tool, 'date', host).execute(args, ctx);
    },
  };
}
