/**
 * Checks of the world's state, for questions about response actions: the
 * trainee acts (kill, iptables, ufw), then submits; the check reads
 * `worldAt(at, actions)` at that moment. Each check is data: what it needs,
 * the command that shows the result, and the test itself.
 */
import type { EntityRef } from '../scenario/types';
import { packetVerdict, type PacketMeta } from '../world/firewall';
import type { HostState, Socket } from '../world/types';
import { entityProcesses, holders } from './world-lookup';

export interface CheckParams {
  of?: EntityRef;
  address?: string;
  port?: number;
}

export interface CheckResult {
  ok: boolean;
  /** Why it failed, without naming what the trainee should have found. */
  detail: string;
}

export interface StateCheckDef {
  description: string;
  needs: readonly ('of' | 'address' | 'port')[];
  shownBy: string;
  run(world: HostState, p: CheckParams): CheckResult;
}

// A SYN that is never answered (a blocked beacon) is no connection.
const LIVE = new Set(['ESTABLISHED', 'CLOSE-WAIT']);

function liveTo(world: HostState, address: string): Socket[] {
  return world.sockets.filter(
    (s) => s.remote.addr === address && s.remote.port !== 0 && LIVE.has(s.state),
  );
}

const pass: CheckResult = { ok: true, detail: '' };

function hostAddress(world: HostState): string {
  for (const iface of world.interfaces) {
    if (iface.kind === 'loopback') continue;
    const v4 = iface.addresses.find((a) => a.family === 'inet' && a.scope === 'global');
    if (v4) return v4.address;
  }
  return '0.0.0.0';
}

function defaultDev(world: HostState): string | undefined {
  return world.routes.find((r) => r.family === 'inet' && r.dst === 'default')?.dev;
}

const BLOCKING = new Set(['DROP', 'REJECT']);

/**
 * Would a new outbound TCP connection to `address` be dropped? Decided as the
 * world decides a beacon's fate: iptables, then an enabled ufw.
 */
function outboundBlocked(world: HostState, address: string, port?: number): boolean {
  const self = hostAddress(world);
  const dev = defaultDev(world);
  const base = { proto: 'tcp' as const, ctstate: 'NEW', sport: 40000 };
  const out: PacketMeta = { ...base, src: self, dst: address, outIface: dev, dport: port ?? 443 };
  if (port === undefined) {
    // Without a port, the block must hold for any port: try a few.
    return [22, 80, 443, 4444, 8443].every((dport) =>
      BLOCKING.has(packetVerdict(world.firewall, 'OUTPUT', { ...out, dport }))
      || inboundBlocked(world, address, dport));
  }
  return BLOCKING.has(packetVerdict(world.firewall, 'OUTPUT', out))
    || inboundBlocked(world, address, port);
}

/** Would the replies from `address` be dropped (a block on INPUT by source)? */
function inboundBlocked(world: HostState, address: string, sport: number): boolean {
  const pkt: PacketMeta = {
    proto: 'tcp', src: address, dst: hostAddress(world), sport, dport: 40000,
    inIface: defaultDev(world), ctstate: 'ESTABLISHED',
  };
  return BLOCKING.has(packetVerdict(world.firewall, 'INPUT', pkt));
}

export const STATE_CHECKS = {
  no_connection_to: {
    description: 'No process holds a live connection to the address.',
    needs: ['address'],
    shownBy: 'ss -tnp dst ADDRESS',
    run: (world, p) => {
      const live = liveTo(world, p.address ?? '');
      const held = live.some((s) => holders(world, s.inode).length > 0);
      return held ? { ok: false, detail: 'A process still holds a connection to that address.' } : pass;
    },
  },
  process_gone: {
    description: "None of the entity's processes is still running.",
    needs: ['of'],
    shownBy: 'ps -ef',
    run: (world, p) => {
      const alive = p.of ? entityProcesses(world, p.of) : [];
      return alive.length > 0 ? { ok: false, detail: 'The process is still running.' } : pass;
    },
  },
  no_listener_on: {
    description: 'Nothing listens on the port any more.',
    needs: ['port'],
    shownBy: 'ss -tlnp',
    run: (world, p) => {
      const listening = world.sockets.some((s) => s.state === 'LISTEN' && s.local.port === p.port);
      return listening ? { ok: false, detail: 'Something still listens on that port.' } : pass;
    },
  },
  firewall_blocks: {
    description: 'The firewall drops or rejects traffic to (or from) the address.',
    needs: ['address'],
    shownBy: 'iptables -S; iptables -L OUTPUT -n -v; ufw status',
    run: (world, p) => {
      const address = p.address ?? '';
      const blocked = outboundBlocked(world, address, p.port);
      return blocked ? pass : { ok: false, detail: 'Traffic to that address still gets through.' };
    },
  },
} satisfies Record<string, StateCheckDef>;

export type StateCheckName = keyof typeof STATE_CHECKS;
export const STATE_CHECK_NAMES = Object.keys(STATE_CHECKS) as [StateCheckName, ...StateCheckName[]];

export function stateCheckDef(name: string): StateCheckDef | undefined {
  return Object.hasOwn(STATE_CHECKS, name)
    ? (STATE_CHECKS as Record<string, StateCheckDef>)[name]
    : undefined;
}
