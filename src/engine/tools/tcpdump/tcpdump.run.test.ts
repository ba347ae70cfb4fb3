import { describe, expect, it } from 'vitest';
import { web01 } from '../../../../test/fixtures/web01';
import { tcpdumpTool } from './tcpdump';
import type { Packet } from '../../world/types';
import type { ToolContext } from '../types';

const base = web01().now;
const P: Packet[] = [1, 2, 3].map((n) => ({
  time: base + n * 1000 + 0.5, iface: 'eth0', family: 'inet', proto: 'udp',
  src: '10.10.0.5', dst: '10.10.0.1', sport: 40000 + n, dport: 53, length: 30,
}));

function run(argv: string[], uid = 0) {
  const world = web01();
  world.packets = (from, to) => P.filter((p) => p.time >= from && p.time < to);
  const ctx: ToolContext = { argv, stdin: '', world, uid, user: 'x', cwd: '/', env: new Map(), shellPid: 1 };
  return tcpdumpTool.run(ctx);
}

describe('tcpdump run', () => {
  it('stops cleanly when -c is reached (no newline)', () => {
    const r = run(['tcpdump', '-nn', '-c', '2', 'udp']);
    expect(r.stdout).toBe(
      '13:28:57.000500 IP 10.10.0.5.40001 > 10.10.0.1.53: UDP, length 30\n' +
      '13:28:58.000500 IP 10.10.0.5.40002 > 10.10.0.1.53: UDP, length 30\n');
    expect(r.stderr.split('\n').slice(2).join('\n')).toBe(
      '2 packets captured\n2 packets received by filter\n0 packets dropped by kernel\n');
  });

  it('ends the window like Ctrl-C: newline on stdout', () => {
    const r = run(['tcpdump', '-n', '-i', 'eth0', 'port', '53']);
    expect(r.stdout.endsWith('length 30\n\n')).toBe(true);
    expect(r.stdout).toContain('10.10.0.1.domain:');
  });

  it('-i any shows the link and direction', () => {
    const r = run(['tcpdump', '-nn', '-i', 'any', '-c', '1']);
    expect(r.stdout).toBe('13:28:57.000500 eth0  Out IP 10.10.0.5.40001 > 10.10.0.1.53: UDP, length 30\n');
    expect(r.stderr).toContain('listening on any, link-type LINUX_SLL2 (Linux cooked v2), snapshot length 262144 bytes\n');
  });

  it('errors as the real tool words them', () => {
    expect(run(['tcpdump', '-i', 'eth0'], 1001)).toEqual({
      stdout: '', exitCode: 1,
      stderr: "tcpdump: eth0: You don't have permission to perform this capture on that device\n(socket: Operation not permitted)\n",
    });
    expect(run(['tcpdump', 'port']).stderr).toBe("tcpdump: can't parse filter expression: syntax error\n");
    expect(run(['tcpdump', '-i', 'wlan0']).stderr).toBe('tcpdump: wlan0: No such device exists\n(SIOCGIFHWADDR: No such device)\n');
    expect(run(['tcpdump', '-c', 'x']).stderr).toBe('tcpdump: invalid packet count x\n');
  });
});
