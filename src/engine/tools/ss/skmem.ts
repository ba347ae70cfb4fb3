/**
 * `ss -m`: the socket's memory as the kernel's sk_meminfo gives it,
 * printed as ` skmem:(r,rb,t,tb,f,w,o,bl,d)`. The world keeps the queues,
 * not the memory, so the counters are derived from them: what sits in the
 * receive queue (r) and the write queue (w) at the truesize of a full
 * segment's buffer, the buffer sizes of Ubuntu's defaults (a sender whose
 * queue is full has grown its send buffer to the queue), the rest of the
 * last page as forward allocation; nothing is in the driver (t), no option
 * memory, backlog or drops.
 */
import type { Socket } from '../../world/types';

const MSS = 1448;
/** Truesize of a buffer holding one full segment. */
const SKB = 2304;
const PAGE = 4096;
/** net.ipv4.tcp_rmem[1] and the send buffer an established connection starts from. */
const TCP_RB = 131072;
const TCP_TB = 87040;
/** net.core.rmem_default and wmem_default, for UDP. */
const UDP_BUF = 212992;

const truesize = (bytes: number) => Math.ceil(bytes / MSS) * SKB;

export function skmemText(s: Socket): string {
  const listener = s.state === 'LISTEN';
  const r = listener ? 0 : truesize(s.recvQ);
  const w = listener ? 0 : truesize(s.sendQ);
  const udp = s.proto !== 'tcp';
  const rb = udp ? UDP_BUF : TCP_RB;
  const tb = udp ? UDP_BUF : Math.max(TCP_TB, w);
  const used = (r + w) % PAGE;
  const f = used === 0 ? 0 : PAGE - used;
  return ` skmem:(r${r},rb${rb},t0,tb${tb},f${f},w${w},o0,bl0,d0)`;
}
