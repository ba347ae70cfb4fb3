/** Unit lookup: exact name, `.service` appended, and the distributions' aliases. */
import type { HostState, Unit } from '../../world/types';

const ALIASES: Record<string, string> = { 'sshd.service': 'ssh.service', 'crond.service': 'cron.service' };

export function unitName(name: string): string {
  return /\.(service|socket|timer|target|mount|scope|slice|path|device|swap|automount)$/.test(name)
    ? name : `${name}.service`;
}

export function findUnit(world: HostState, name: string): Unit | undefined {
  const full = unitName(name);
  const exact = world.units.find((u) => u.name === full);
  if (exact) return exact;
  const alias = Object.hasOwn(ALIASES, full) ? ALIASES[full] : undefined;
  return alias ? world.units.find((u) => u.name === alias) : undefined;
}

/** systemd 249 (Ubuntu 22.04) spellings differ from 252/255 in a few places. */
export const isOldSystemd = (world: HostState): boolean => world.host.distro === 'ubuntu-22.04';
