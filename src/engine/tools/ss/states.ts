/**
 * Socket states as `ss` numbers and names them (the kernel's TCP_* order),
 * and the state words of ss's filter ("established", "connected", ...).
 */
import type { SocketState, UnixSocket } from '../../world/types';

export const SS = {
  UNKNOWN: 0,
  ESTABLISHED: 1,
  SYN_SENT: 2,
  SYN_RECV: 3,
  FIN_WAIT1: 4,
  FIN_WAIT2: 5,
  TIME_WAIT: 6,
  CLOSE: 7,
  CLOSE_WAIT: 8,
  LAST_ACK: 9,
  LISTEN: 10,
  CLOSING: 11,
  MAX: 12,
} as const;

export const SS_ALL = (1 << SS.MAX) - 1;
const bit = (s: number): number => 1 << s;
export const SS_CONN =
  SS_ALL & ~(bit(SS.LISTEN) | bit(SS.CLOSE) | bit(SS.TIME_WAIT) | bit(SS.SYN_RECV));

/** What ss prints in the State column, by state number. */
export const STATE_NAMES = [
  'UNKNOWN',
  'ESTAB',
  'SYN-SENT',
  'SYN-RECV',
  'FIN-WAIT-1',
  'FIN-WAIT-2',
  'TIME-WAIT',
  'UNCONN',
  'CLOSE-WAIT',
  'LAST-ACK',
  'LISTEN',
  'CLOSING',
] as const;

const LONG_NAMES = [
  'unknown',
  'established',
  'syn-sent',
  'syn-recv',
  'fin-wait-1',
  'fin-wait-2',
  'time-wait',
  'unconnected',
  'close-wait',
  'last-ack',
  'listening',
  'closing',
];

const WORLD_STATE: Record<SocketState, number> = {
  ESTABLISHED: SS.ESTABLISHED,
  'SYN-SENT': SS.SYN_SENT,
  'SYN-RECV': SS.SYN_RECV,
  'FIN-WAIT-1': SS.FIN_WAIT1,
  'FIN-WAIT-2': SS.FIN_WAIT2,
  'TIME-WAIT': SS.TIME_WAIT,
  CLOSE: SS.CLOSE,
  'CLOSE-WAIT': SS.CLOSE_WAIT,
  'LAST-ACK': SS.LAST_ACK,
  LISTEN: SS.LISTEN,
  CLOSING: SS.CLOSING,
  UNCONN: SS.CLOSE,
};

export function stateNumber(state: SocketState): number {
  return WORLD_STATE[state];
}

export function unixStateNumber(state: UnixSocket['state']): number {
  if (state === 'LISTEN') return SS.LISTEN;
  return state === 'ESTAB' ? SS.ESTABLISHED : SS.CLOSE;
}

/** ss's scan_state: a state word -> bit mask, or undefined for a wrong name. */
export function scanState(word: string): number | undefined {
  const w = word.toLowerCase();
  if (w === 'close' || w === 'closed') return bit(SS.CLOSE);
  if (w === 'syn-rcv') return bit(SS.SYN_RECV);
  if (w === 'established') return bit(SS.ESTABLISHED);
  if (w === 'all') return SS_ALL;
  if (w === 'connected') return SS_ALL & ~(bit(SS.CLOSE) | bit(SS.LISTEN));
  if (w === 'synchronized') {
    return SS_ALL & ~(bit(SS.CLOSE) | bit(SS.LISTEN) | bit(SS.SYN_SENT));
  }
  if (w === 'bucket') return bit(SS.SYN_RECV) | bit(SS.TIME_WAIT);
  if (w === 'big') return SS_ALL & ~(bit(SS.SYN_RECV) | bit(SS.TIME_WAIT));
  const i = LONG_NAMES.indexOf(w);
  return i >= 0 ? bit(i) : undefined;
}
