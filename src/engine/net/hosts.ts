/**
 * Reverse lookups for tools run without -n. The lab has no DNS, so only
 * /etc/hosts answers: the host's own file when the world has one, otherwise
 * Debian's default loopback lines. An address with no entry prints as an
 * address, as it would when the resolver times out.
 */
import type { HostState } from '../world/types';
import { canonicalIp } from './ip';

const DEFAULT_HOSTS = `127.0.0.1\tlocalhost
::1\t\tlocalhost ip6-localhost ip6-loopback
`;

/** Address (canonical text) -> first host name, from /etc/hosts text. */
export function parseHosts(text: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) continue;
    const [addr, name] = line.split(/\s+/);
    if (!addr || !name) continue;
    const canon = canonicalIp(addr);
    if (canon && !map.has(canon)) map.set(canon, name);
  }
  return map;
}

/** The host table of a world: its /etc/hosts if present, else the loopback defaults. */
export function hostsOf(world: HostState): Map<string, string> {
  const file = world.files.find((f) => f.path === '/etc/hosts');
  return parseHosts(file ? file.content : DEFAULT_HOSTS);
}
