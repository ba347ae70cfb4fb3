import { afterAll, describe, expect, it } from 'vitest';
import { web01 } from '../fixtures/web01';
import { lineShare, normalise, readCapture, rootContext } from './helpers';
import { ipTool } from '../../src/engine/tools/ip/ip';
import { procNetRoute } from '../../src/engine/tools/procnet/route';

const CAPTURES = [
  'ip-a.txt', 'ip-4a.txt', 'ip-addr-show.txt', 'ip-br-a.txt', 'ip-br-link.txt', 'ip-link.txt',
  'ip-s-link.txt', 'ip-r.txt', 'ip-6r.txt', 'ip-neigh.txt',
];
const share = { same: 0, total: 0 };

describe('ip against captures', () => {
  for (const file of CAPTURES) {
    it(file, () => {
      const cap = readCapture(file);
      const res = ipTool.run(rootContext(web01(), cap.argv));
      const got = normalise(res.stdout);
      const s = lineShare(got, cap.output);
      share.same += s.same;
      share.total += s.total;
      expect(res.stderr).toBe('');
      expect(got).toBe(cap.output);
    });
  }
  afterAll(() => {
    console.log(`ip golden: ${share.same}/${share.total} lines identical`);
  });
});

describe('/proc/net/route against its capture', () => {
  it('proc-net-route.txt', () => {
    const cap = readCapture('proc-net-route.txt');
    const text = procNetRoute(web01());
    const got = normalise(text);
    const s = lineShare(got, cap.output);
    console.log(`/proc/net/route golden: ${s.same}/${s.total} lines identical`);
    expect(got).toBe(cap.output);
  });
  it('pads every line to 127 columns as the kernel does', () => {
    const lines = procNetRoute(web01()).split('\n').slice(0, -1);
    expect(lines.map((l) => l.length)).toEqual(lines.map(() => 127));
  });
});
