/**
 * The shell programs that run until Ctrl-C or page through files: `tail`
 * (its -f/-F; the rest is just-bash's), `watch`, `less` and `more`; and
 * `journalctl`, for its -f, and `tcpdump`, which captures on the simulated
 * clock (both registered after the tools, to take the tools' place);
 * and `timeout`, whose deadline they stop at.
 */
import type { Command } from 'just-bash';
import type { HostState } from '../world/types';
import type { CommandHost } from './commands';
import { lazyCommand } from './commands';
import type { FollowHost } from './live';

/** Their names, for Tab completion. */
export const FOLLOW_COMMAND_NAMES = ['tail', 'watch', 'less', 'more'] as const;

export function followCommands(live: FollowHost, world: () => HostState, host?: CommandHost): Command[] {
  const journal = host
    ? [lazyCommand('journalctl', () => import('./journal-follow').then((m) => m.journalctlCommand(live, host))),
      lazyCommand('tcpdump', () => import('./tcpdump-follow').then((m) => m.tcpdumpCommand(live, host)))]
    : [];
  return [
    lazyCommand('tail', () => import('./tail').then((m) => m.tailCommand(live))),
    lazyCommand('watch', () => import('./watch').then((m) => m.watchCommand(live, world))),
    lazyCommand('less', () => import('./pager').then((m) => m.lessCommand())),
    lazyCommand('more', () => import('./pager').then((m) => m.moreCommand())),
    // timeout's deadline is the followers' as well; it replaces just-bash's.
    lazyCommand('timeout', () => import('./timeout').then((m) => m.timeoutCommand(live))),
    ...journal,
  ];
}
