/**
 * tcpdump prints TCP sequence numbers relative to the start of each
 * conversation (unless -S): the first packet with the ACK flag it sees on a
 * flow records both directions' base numbers and is printed as is; later
 * ACK packets of that flow show seq and ack minus those bases. A SYN, which
 * carries no ACK, always shows its absolute number. The world stores
 * absolute numbers, as the wire does.
 */
import type { Packet } from '../../world/types';

interface Bases {
  [endpoint: string]: number;
}

const endpoint = (addr: string, port: number): string => `${addr}|${port}`;

/** A capture's memory of each flow's bases: packets are given one by one as they come. */
export class SequenceBases {
  private readonly flows = new Map<string, Bases>();

  relative(p: Packet): Packet {
    return relativeTo(this.flows, p);
  }
}

export function relativeSequences(packets: readonly Packet[]): Packet[] {
  const bases = new SequenceBases();
  return packets.map((p) => bases.relative(p));
}

function relativeTo(flows: Map<string, Bases>, p: Packet): Packet {
  if (p.proto !== 'tcp' || !p.flags?.includes('.') || p.seq === undefined || p.ack === undefined) return p;
  const a = endpoint(p.src, p.sport);
  const b = endpoint(p.dst, p.dport);
  const key = a < b ? `${a}>${b}` : `${b}>${a}`;
  const bases = flows.get(key);
  if (!bases) {
    flows.set(key, { [a]: p.seq, [b]: (p.ack - 1) >>> 0 });
    return p;
  }
  const own = bases[a] ?? p.seq;
  const peer = bases[b] ?? (p.ack - 1) >>> 0;
  const rel = (x: number, base: number) => (x - base) >>> 0;
  return {
    ...p,
    seq: rel(p.seq, own),
    seqEnd: p.seqEnd === undefined ? undefined : rel(p.seqEnd, own),
    ack: rel(p.ack, peer),
  };
}
