/**
 * One packet as tcpdump 4.99 prints it on an Ethernet link:
 * `13:28:59.252387 IP 10.10.0.5.56654 > 198.51.100.23.8443: Flags [S], seq
 * 1080354289, win 64240, options [...], length 0`. `seq` shows when the
 * segment carries data or SYN/FIN/RST (as `a:b` with data), `ack` when the
 * ACK flag is set. UDP payloads are not decoded (`UDP, length N`); ICMP
 * prints echo request/reply with id = sport and seq = dport of the model.
 * With -i any a link column (`eth0  Out `) follows the time.
 */
import type { HostState, Packet } from '../../world/types';
import { localTime, pad2 } from '../../world/time-format';
import { serviceName } from '../../net';

export interface FormatOpts {
  /** 0: names for ports (hosts stay numeric: there is no resolver), 1: -n, 2: -nn. */
  numeric: number;
  timestamps: 'default' | 'none' | 'date';
  anyLink: boolean;
  quick: boolean;
}

function micros(time: number): string {
  const frac = ((time % 1000) + 1000) % 1000;
  return String(Math.min(999_999, Math.round(frac * 1000))).padStart(6, '0');
}

function stamp(w: HostState, time: number, mode: FormatOpts['timestamps']): string {
  if (mode === 'none') return '';
  const t = localTime(Math.floor(time), w.host.timezone);
  const clock = `${pad2(t.hour)}:${pad2(t.minute)}:${pad2(t.second)}.${micros(time)}`;
  if (mode === 'date') return `${t.year}-${pad2(t.month + 1)}-${pad2(t.day)} ${clock} `;
  return `${clock} `;
}

function endpoint(addr: string, port: number, proto: Packet['proto'], o: FormatOpts): string {
  if (proto === 'icmp') return addr;
  const name = o.numeric >= 2 ? undefined : serviceName(port, proto);
  return `${addr}.${name ?? port}`;
}

function tcpBody(p: Packet): string {
  const flags = p.flags ?? '';
  const parts = [`Flags [${flags}]`];
  const showSeq = p.seq !== undefined && (p.length > 0 || /[SFR]/.test(flags));
  if (showSeq) parts.push(p.length > 0 && p.seqEnd !== undefined ? `seq ${p.seq}:${p.seqEnd}` : `seq ${p.seq}`);
  if (flags.includes('.') && p.ack !== undefined) parts.push(`ack ${p.ack}`);
  if (p.win !== undefined) parts.push(`win ${p.win}`);
  if (p.options) parts.push(`options [${p.options}]`);
  parts.push(`length ${p.length}`);
  return parts.join(', ');
}

function body(p: Packet, o: FormatOpts): string {
  if (o.quick) return `${p.proto} ${p.length}`;
  if (p.proto === 'tcp') return tcpBody(p);
  if (p.proto === 'udp') return `UDP, length ${p.length}`;
  const kind = p.dport === 0 ? 'echo reply' : 'echo request';
  return `ICMP${p.family === 'inet6' ? '6' : ''} ${kind}, id ${p.sport}, seq ${p.dport}, length ${p.length}`;
}

function isLocal(w: HostState, addr: string): boolean {
  return w.interfaces.some((i) => i.addresses.some((a) => a.address === addr));
}

export function packetLine(w: HostState, p: Packet, o: FormatOpts): string {
  const ip = p.family === 'inet6' ? 'IP6' : 'IP';
  const link = o.anyLink ? `${p.iface.padEnd(5)} ${isLocal(w, p.src) ? 'Out' : 'In '} ` : '';
  const src = endpoint(p.src, p.sport, p.proto, o);
  const dst = endpoint(p.dst, p.dport, p.proto, o);
  return `${stamp(w, p.time, o.timestamps)}${link}${ip} ${src} > ${dst}: ${body(p, o)}`;
}
