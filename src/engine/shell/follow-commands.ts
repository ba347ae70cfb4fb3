/**
 * The shell programs that run until Ctrl-C or page through files: `tail`
 * (its -f/-F; the rest is just-bash's), `watch`, `less` and `more`.
 */
import type { Command } from 'just-bash';
import type { HostState } from '../world/types';
import type { FollowHost } from './live';
import { tailCommand } from './tail';
import { watchCommand } from './watch';

export function followCommands(live: FollowHost, world: () => HostState): Command[] {
  return [tailCommand(live), watchCommand(live, world)];
}
