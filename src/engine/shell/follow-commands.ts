/**
 * The shell programs that run until Ctrl-C or page through files: `tail`
 * (its -f/-F; the rest is just-bash's), `watch`, `less` and `more`; and
 * `journalctl`, for its -f (registered after the tools, to take the tool's place).
 */
import type { Command } from 'just-bash';
import type { HostState } from '../world/types';
import type { CommandHost } from './commands';
import { journalctlCommand } from './journal-follow';
import type { FollowHost } from './live';
import { lessCommand, moreCommand } from './pager';
import { tailCommand } from './tail';
import { watchCommand } from './watch';

/** Their names, for Tab completion. */
export const FOLLOW_COMMAND_NAMES = ['tail', 'watch', 'less', 'more'] as const;

export function followCommands(live: FollowHost, world: () => HostState, host?: CommandHost): Command[] {
  const journal = host ? [journalctlCommand(live, host)] : [];
  return [tailCommand(live), watchCommand(live, world), lessCommand(), moreCommand(), ...journal];
}
