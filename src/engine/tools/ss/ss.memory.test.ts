import { describe, expect, it } from 'vitest';
import { web01 } from '../../../../test/fixtures/web01';
import { ssTool } from './ss';

function run(args: string[], world = web01()) {
  return ssTool.run({
    argv: ['ss', ...args], stdin: '', world, uid: 0, user: 'root', cwd: '/',
    env: new Map(), shellPid: 1,
  });
}

const trim = (s: string) => s.split('\n').map((l) => l.trimEnd()).join('\n');

describe('ss -m', () => {
  it('prints skmem under each socket, its write queue the Send-Q at a segment buffer each', () => {
    expect(trim(run(['-4tnmH', 'state', 'established']).stdout)).toBe(
      '0      94392  10.10.0.5:37346 198.51.100.23:9001\n' +
        '\t skmem:(r0,rb131072,t0,tb152064,f3584,w152064,o0,bl0,d0)\n' +
        '0      0      10.10.0.5:22     203.0.113.45:45713\n' +
        '\t skmem:(r0,rb131072,t0,tb87040,f0,w0,o0,bl0,d0)\n' +
        '0      0      10.10.0.5:54880 198.51.100.23:4444\n' +
        '\t skmem:(r0,rb131072,t0,tb87040,f0,w0,o0,bl0,d0)\n' +
        '0      0      10.10.0.5:22     203.0.113.45:40531\n' +
        '\t skmem:(r0,rb131072,t0,tb87040,f0,w0,o0,bl0,d0)\n',
    );
  });

  it('comes before the tcp_info of -i, and TIME-WAIT sockets report neither', () => {
    const lines = run(['-tnmi']).stdout.split('\n');
    const up = lines.findIndex((l) => l.includes(':9001'));
    expect(lines[up + 1]).toMatch(/^\t skmem:\(r0,rb131072,t0,tb152064,f3584,w152064,o0,bl0,d0\) bbr wscale:0,10 /);
    const w = web01();
    const est = w.sockets.find((x) => x.state === 'ESTABLISHED')!;
    w.sockets.push({ ...est, state: 'TIME-WAIT', inode: 0, info: undefined, sendQ: 0 });
    const all = run(['-tanm'], w).stdout.split('\n');
    const tw = all.flatMap((l, i) => (l.startsWith('TIME-WAIT') ? [all[i + 1]!] : []));
    expect(tw.length).toBeGreaterThan(0);
    for (const l of tw) expect(l).toMatch(/^\t *$/);
  });
});
