import { afterAll, describe, expect, it } from 'vitest';
import { web01 } from '../fixtures/web01';
import { lineShare, normalise, readCapture } from './helpers';
import { ufwTool } from '../../src/engine/tools/ufw/ufw';
import { applyUfwOp } from '../../src/engine/world/firewall';
import type { HostState } from '../../src/engine/world/types';

const share = { same: 0, total: 0 };

function run(world: HostState, argv: string[]) {
  return ufwTool.run({
    argv, stdin: '', world, uid: 0, user: 'root', cwd: '/root', env: new Map(), shellPid: 1,
  });
}

function check(file: string, world: HostState) {
  const cap = readCapture(file);
  // A shell comment in the capture's command line ("# after ufw disable") is not an argument.
  const hash = cap.argv.indexOf('#');
  const res = run(world, hash < 0 ? cap.argv : cap.argv.slice(0, hash));
  const got = normalise(res.stdout);
  const s = lineShare(got, cap.output);
  share.same += s.same;
  share.total += s.total;
  expect(res.stderr).toBe('');
  expect(got).toBe(cap.output);
}

describe('ufw against captures', () => {
  for (const file of ['ufw-status.txt', 'ufw-status-verbose.txt', 'ufw-status-numbered.txt']) {
    it(file, () => check(file, web01()));
  }
  it('ufw-status-disabled.txt (after ufw disable)', () => {
    const w = web01();
    const res = run(w, ['ufw', 'disable']);
    expect(res.stdout).toBe('Firewall stopped and disabled on system startup\n');
    let fw = w.firewall;
    for (const e of res.events ?? []) if (e.type === 'ufw') fw = applyUfwOp(fw, e.op);
    check('ufw-status-disabled.txt', { ...w, firewall: fw });
  });
  it('keeps the blank line ufw prints after the table', () => {
    expect(run(web01(), ['ufw', 'status']).stdout.endsWith('Anywhere (v6)             \n\n')).toBe(true);
  });
  afterAll(() => {
    console.log(`ufw golden: ${share.same}/${share.total} lines identical`);
  });
});
