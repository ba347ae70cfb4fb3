/**
 * TCP state names as the kernel's tcp_states table spells them (underscores:
 * SYN_SENT, FIN_WAIT1), which netstat and lsof print, while ss prints its
 * own hyphenated forms (SYN-SENT, FIN-WAIT-1) that the world uses.
 */
import type { SocketState } from '../world/types';

const KERNEL_TCP_STATES: Partial<Record<SocketState, string>> = {
  ESTABLISHED: 'ESTABLISHED',
  'SYN-SENT': 'SYN_SENT',
  'SYN-RECV': 'SYN_RECV',
  'FIN-WAIT-1': 'FIN_WAIT1',
  'FIN-WAIT-2': 'FIN_WAIT2',
  'TIME-WAIT': 'TIME_WAIT',
  CLOSE: 'CLOSE',
  'CLOSE-WAIT': 'CLOSE_WAIT',
  'LAST-ACK': 'LAST_ACK',
  LISTEN: 'LISTEN',
  CLOSING: 'CLOSING',
};

/** The kernel's name for a TCP state, or undefined for a state TCP does not have. */
export function kernelTcpState(state: SocketState): string | undefined {
  return KERNEL_TCP_STATES[state];
}
