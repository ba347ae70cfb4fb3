/**
 * Port <-> service name lookups over /etc/services, the way getservbyport and
 * getservbyname answer them, plus the rules each tool layers on top.
 *
 * - `serviceName(port, proto)`: the name glibc returns (the first entry in
 *   file order), or undefined.
 * - `ssServiceName(port, proto)`: what `ss` prints without -n: "*" for port
 *   0, never a name for a port in the ephemeral range (ss reads
 *   /proc/sys/net/ipv4/ip_local_port_range, 32768-60999 by default), else
 *   the name or the number.
 * - `servicePort(name, proto)`: getservbyname, aliases included.
 */
import { SERVICES_TEXT } from './services-data';

export type ServiceProto = 'tcp' | 'udp';

interface Tables {
  byPort: Map<string, string>;
  byName: Map<string, number>;
}

let tables: Tables | undefined;

function load(): Tables {
  if (tables) return tables;
  const byPort = new Map<string, string>();
  const byName = new Map<string, number>();
  for (const line of SERVICES_TEXT.split('\n')) {
    const parts = line.trim().split(/\s+/);
    if (parts.length < 2) continue;
    const [name, portProto, ...aliases] = parts as [string, string, ...string[]];
    const [portText, proto] = portProto.split('/');
    const port = Number(portText);
    if (!proto || !Number.isInteger(port)) continue;
    const key = `${port}/${proto}`;
    if (!byPort.has(key)) byPort.set(key, name);
    for (const n of [name, ...aliases]) {
      if (!byName.has(`${n}/${proto}`)) byName.set(`${n}/${proto}`, port);
    }
  }
  tables = { byPort, byName };
  return tables;
}

/** getservbyport: the service name for a port, or undefined. */
export function serviceName(port: number, proto: ServiceProto): string | undefined {
  return load().byPort.get(`${port}/${proto}`);
}

/** getservbyname: the port for a service name or alias, or undefined. */
export function servicePort(name: string, proto: ServiceProto): number | undefined {
  return load().byName.get(`${name}/${proto}`);
}

/** The default ephemeral port range of Linux (net.ipv4.ip_local_port_range). */
export const EPHEMERAL_RANGE: readonly [number, number] = [32768, 60999];

export function isEphemeral(port: number): boolean {
  return port >= EPHEMERAL_RANGE[0] && port <= EPHEMERAL_RANGE[1];
}

/** The port text `ss` prints: "*" for 0, a name unless numeric or ephemeral. */
export function ssServiceName(port: number, proto: ServiceProto, numeric: boolean): string {
  if (port === 0) return '*';
  if (numeric || isEphemeral(port)) return String(port);
  return serviceName(port, proto) ?? String(port);
}

/** The port text net-tools prints (netstat): "*" for 0, a name unless numeric. */
export function netstatServiceName(port: number, proto: ServiceProto, numeric: boolean): string {
  if (port === 0) return '*';
  if (numeric) return String(port);
  return serviceName(port, proto) ?? String(port);
}
