import { afterAll, describe, expect, it } from 'vitest';
import { web01 } from '../fixtures/web01';
import { lineShare, normalise, readCapture, rootContext } from './helpers';
import type { Tool } from '../../src/engine/tools/types';
import { iptablesSaveTool, iptablesTool } from '../../src/engine/tools/iptables/iptables';

function runTool(tool: Tool, argv: string[]) {
  return tool.run(rootContext(web01(), argv));
}

const CAPTURES = [
  'ipt-L.txt', 'ipt-Lnline.txt', 'ipt-Lnv.txt', 'ipt-Lnvx.txt', 'ipt-S.txt', 'ipt-nat.txt',
  'ipt-save.txt',
];
const share = { same: 0, total: 0 };

describe('iptables against captures', () => {
  for (const file of CAPTURES) {
    it(file, () => {
      const cap = readCapture(file);
      const tool = cap.argv[0] === 'iptables-save' ? iptablesSaveTool : iptablesTool;
      const res = runTool(tool, cap.argv);
      const got = normalise(res.stdout);
      const s = lineShare(got, cap.output);
      share.same += s.same;
      share.total += s.total;
      expect(res.stderr).toBe('');
      expect(got).toBe(cap.output);
    });
  }
  afterAll(() => {
    console.log(`iptables golden: ${share.same}/${share.total} lines identical`);
  });
});
