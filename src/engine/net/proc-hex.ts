/**
 * The hex forms the kernel prints in /proc/net/{tcp,tcp6,udp,udp6,route}.
 *
 * Addresses are printed as the raw 32-bit words of the in-memory address in
 * the host's byte order (x86-64: little endian), so 127.0.0.1 reads
 * "0100007F" and ::1 reads "00000000000000000000000001000000". Ports are in
 * host order, four upper-case hex digits ("1F90" for 8080).
 */
import { parseIPv4, parseIPv6 } from './ip';

function hex8(n: number): string {
  return (n >>> 0).toString(16).toUpperCase().padStart(8, '0');
}

/** One little-endian 32-bit word from 4 network-order bytes. */
function wordLE(b: Uint8Array, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
}

/** "10.10.0.5" -> "05000A0A". Unparseable input gives "00000000". */
export function ipv4ProcHex(addr: string): string {
  const b = parseIPv4(addr);
  return b ? hex8(wordLE(b, 0)) : '00000000';
}

/** "::1" -> "00000000000000000000000001000000". An IPv4 address is v4-mapped first. */
export function ipv6ProcHex(addr: string): string {
  let b = parseIPv6(addr);
  if (!b) {
    const v4 = parseIPv4(addr);
    if (!v4) return '0'.repeat(32);
    b = new Uint8Array(16);
    b[10] = 0xff;
    b[11] = 0xff;
    b.set(v4, 12);
  }
  return [0, 4, 8, 12].map((i) => hex8(wordLE(b, i))).join('');
}

/** 8080 -> "1F90". */
export function portProcHex(port: number): string {
  return (port & 0xffff).toString(16).toUpperCase().padStart(4, '0');
}

/** Prefix length -> IPv4 netmask text (24 -> "255.255.255.0"). */
export function prefixToMask(prefix: number): string {
  const p = Math.max(0, Math.min(32, prefix));
  const n = p === 0 ? 0 : (0xffffffff << (32 - p)) >>> 0;
  return [24, 16, 8, 0].map((s) => (n >>> s) & 0xff).join('.');
}
