/**
 * What differs between the iptables builds the supported distributions ship.
 * Kept as data: a host claims a distribution and gets its iptables' habits.
 */
import type { DistroId } from '../../world/types';
import {
  ServiceProto, serviceName as netServiceName, servicePort as netServicePort,
} from '../../net';

/** How `iptables -L -n` prints the prot column. */
export type NumericProto =
  /** 1.8.9's regression: protocol numbers everywhere (6, 17, 1, 0). */
  | 'numbers'
  /** 1.8.10: names, but `0` for all protocols. */
  | 'names-zero'
  /** 1.8.7 and earlier: names, and `all`. */
  | 'names';

export interface IptablesProfile {
  version: string;
  numericProto: NumericProto;
  /**
   * Before 1.8.9 some messages ("Cannot use -A with -L", "Could not fetch
   * rule set generation id") carried their own newline on top of the one
   * xtables adds, so an empty line follows them.
   */
  strayNewline: boolean;
}

export const IPTABLES_PROFILES: Readonly<Record<DistroId, IptablesProfile>> = {
  'debian-12': { version: '1.8.9', numericProto: 'numbers', strayNewline: false },
  'ubuntu-24.04': { version: '1.8.10', numericProto: 'names-zero', strayNewline: false },
  'ubuntu-22.04': { version: '1.8.7', numericProto: 'names', strayNewline: true },
};

export function iptablesProfile(distro: DistroId): IptablesProfile {
  return IPTABLES_PROFILES[distro] ?? IPTABLES_PROFILES['debian-12'];
}

const PROTO_NUMBERS: Readonly<Record<string, number>> = {
  all: 0, icmp: 1, tcp: 6, udp: 17, icmpv6: 58,
};

/** The prot column of `iptables -L`, for a rule's protocol (undefined = all). */
export function protColumn(
  proto: string | undefined, numeric: boolean, profile: IptablesProfile,
): string {
  const name = proto ?? 'all';
  if (!numeric) return name;
  if (profile.numericProto === 'numbers') return String(PROTO_NUMBERS[name] ?? name);
  if (profile.numericProto === 'names-zero' && name === 'all') return '0';
  return name;
}

/** Service name for a port without -n, as iptables asks /etc/services. */
export function serviceName(port: number, proto: ServiceProto): string {
  return netServiceName(port, proto) ?? String(port);
}

/** Port given by name on the command line (`--dport ssh`), or null. */
export function servicePort(name: string, proto: ServiceProto): number | null {
  return netServicePort(name, proto) ?? null;
}
