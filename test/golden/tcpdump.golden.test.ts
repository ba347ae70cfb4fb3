/**
 * tcpdump against the capture. The fixture has no packets, so the test
 * gives it two beacon connections to 198.51.100.23:8443 (whole handshakes,
 * requests, responses and teardowns: the filter must keep only SYN and FIN
 * segments) plus SSH and reverse-shell traffic that the filter must drop.
 * The capture ran under `timeout 12` with -c 16 and saw 8 packets, so it
 * ended by a signal: a newline on stdout, then the counts. The test runs
 * the captured command line in a root shell, where tcpdump follows the
 * simulated clock until timeout's deadline. The capture file holds stderr's
 * header first, then stdout, then stderr's counts; the test joins them so.
 */
import { describe, expect, it } from 'vitest';
import { NOW } from '../fixtures/web01';
import type { Packet } from '../../src/engine/world/types';
import { createLabSession } from '../../src/engine/session/session';
import { web01Scenario } from '../fixtures/web01-scenario';
import { lineShare, normalise, readCapture } from './helpers';

const at = (hms: string, us: number): number => Date.parse(`2026-12-04T${hms}Z`) + us / 1000;
const ME = '10.10.0.5';
const C2 = '198.51.100.23';

type Seg = Omit<Packet, 'iface' | 'family' | 'proto'>;
const tcp = (s: Seg): Packet => ({ iface: 'eth0', family: 'inet', proto: 'tcp', ...s });
const out = (time: number, sport: number, rest: Partial<Seg>): Packet =>
  tcp({ time, src: ME, dst: C2, sport, dport: 8443, length: 0, ...rest });
const back = (time: number, dport: number, rest: Partial<Seg>): Packet =>
  tcp({ time, src: C2, dst: ME, sport: 8443, dport, length: 0, ...rest });

function beacon(t: string, port: number, v: number[]): Packet[] {
  const [isn, risn, tsA, tsB] = v as [number, number, number, number];
  const base = Date.parse(`2026-12-04T${t}Z`);
  const us = (x: number): number => base + x / 1000;
  const d = v[8] ?? 1;
  return [
    out(us(v[4] ?? 0), port, { flags: 'S', seq: isn, win: 64240, options: `mss 1460,sackOK,TS val ${tsA} ecr 0,nop,wscale 10` }),
    back(us(v[5] ?? 0), port, { flags: 'S.', seq: risn, ack: isn + 1, win: 65160, options: `mss 1460,sackOK,TS val ${tsB} ecr ${tsA},nop,wscale 10` }),
    out(us((v[5] ?? 0) + 30), port, { flags: '.', seq: isn + 1, ack: risn + 1, win: 63, options: `nop,nop,TS val ${tsA} ecr ${tsB}` }),
    out(us((v[5] ?? 0) + 120), port, { flags: 'P.', seq: isn + 1, seqEnd: isn + 93, ack: risn + 1, win: 63, length: 92, options: `nop,nop,TS val ${tsA} ecr ${tsB}` }),
    back(us((v[5] ?? 0) + 600), port, { flags: 'P.', seq: risn + 1, seqEnd: risn + 188, ack: isn + 93, win: 64, length: 187, options: `nop,nop,TS val ${tsB + d} ecr ${tsA}` }),
    back(us(v[6] ?? 0), port, { flags: 'F.', seq: risn + 188, ack: isn + 93, win: 64, options: `nop,nop,TS val ${tsB + d} ecr ${tsA + d}` }),
    out(us(v[7] ?? 0), port, { flags: 'F.', seq: isn + 93, ack: risn + 189, win: 63, options: `nop,nop,TS val ${tsA + d} ecr ${tsB + d}` }),
    back(us((v[7] ?? 0) + 20), port, { flags: '.', seq: risn + 189, ack: isn + 94, win: 64, options: `nop,nop,TS val ${tsB + d} ecr ${tsA + d}` }),
  ];
}

export const PACKETS: Packet[] = [
  tcp({ time: at('13:28:57', 100_000), src: ME, dst: '203.0.113.45', sport: 22, dport: 45713, flags: 'P.', seq: 3497, seqEnd: 3533, ack: 3785, win: 501, length: 36, options: 'nop,nop,TS val 1 ecr 2' }),
  ...beacon('13:28:59', 56654, [1080354289, 1422874489, 1977969996, 280637028, 252387, 252407, 253574, 253895, 1]),
  tcp({ time: at('13:29:01', 5), src: C2, dst: ME, sport: 4444, dport: 54880, flags: 'P.', seq: 1, seqEnd: 7, ack: 31, win: 509, length: 6 }),
  ...beacon('13:29:04', 49688, [633164758, 265836405, 2466951782, 652225374, 264013, 264036, 265321, 265341, 2]),
].sort((a, b) => a.time - b.time);

async function rootShell() {
  const s = createLabSession({ scenario: web01Scenario((world) => {
    world.packets = (from, to) => PACKETS.filter((p) => p.time >= from && p.time < to);
  }) });
  await s.exec('sudo -i');
  return s;
}

describe('tcpdump golden', () => {
  it('tcpdump -nn -i eth0 -c 16 SYN/FIN to port 8443', async () => {
    const cap = readCapture('tcpdump.txt');
    const s = await rootShell();
    const line = cap.argv.map((w) => (/^[\w./-]+$/.test(w) ? w : `'${w}'`)).join(' ');
    const r = await s.exec(line);
    const err = r.stderr.split('\n');
    const joined = normalise([...err.slice(0, 2), r.stdout.replace(/\n$/, ''), ...err.slice(2)].join('\n'));
    const { same, total } = lineShare(joined, cap.output);
    process.stdout.write(`golden tcpdump: ${same}/${total} lines identical\n`);
    expect(joined).toBe(cap.output);
    // timeout's status; tcpdump itself caught the TERM and exited 0.
    expect(r.exitCode).toBe(124);
    expect((await s.exec(`timeout --preserve-status 12 ${line.slice(line.indexOf('tcpdump'))}`)).exitCode).toBe(0);
    expect(NOW).toBeLessThan(PACKETS[0]?.time ?? 0);
  });
});
