import { describe, expect, it } from 'vitest';
import { NOW, web01 } from '../../../../test/fixtures/web01';
import { applyUfwOp } from '../../world/firewall';
import type { HostState } from '../../world/types';
import { ufwTool } from './ufw';

function ufw(world: HostState, args: string[], uid = 0) {
  return ufwTool.run({
    argv: ['ufw', ...args], stdin: '', world, uid, user: 'x', cwd: '/', env: new Map(), shellPid: 1,
  });
}

function apply(world: HostState, args: string[]): HostState {
  let fw = world.firewall;
  for (const e of ufw(world, args).events ?? []) if (e.type === 'ufw') fw = applyUfwOp(fw, e.op);
  return { ...world, firewall: fw };
}

describe('ufw actions', () => {
  it('needs root for everything', () => {
    expect(ufw(web01(), ['status'], 1001)).toEqual({
      stdout: '', stderr: 'ERROR: You need to be root to run this script\n', exitCode: 1,
    });
  });

  it('adds an IPv4 and an IPv6 rule for a port', () => {
    const res = ufw(web01(), ['allow', '443/tcp']);
    expect(res.stdout).toBe('Rule added\nRule added (v6)\n');
    expect(res.events).toEqual([false, true].map((v6) => ({
      type: 'ufw', at: NOW,
      op: { kind: 'rule', rule: { to: '443/tcp', action: 'ALLOW', direction: 'IN', from: 'Anywhere', v6 } },
    })));
    expect(ufw(web01(), ['allow', '22/tcp']).stdout)
      .toBe('Skipping adding existing rule\nSkipping adding existing rule (v6)\n');
  });

  it('blocks the C2 address, and status shows it among the IPv4 rules', () => {
    let w = apply(web01(), ['deny', 'out', 'to', '198.51.100.23']);
    w = apply(w, ['deny', 'from', '198.51.100.23', 'to', 'any', 'port', '22']);
    const lines = ufw(w, ['status']).stdout.split('\n');
    expect(lines[7]).toBe('198.51.100.23              DENY OUT    Anywhere                  ');
    expect(lines[8]).toBe('22                         DENY        198.51.100.23             ');
    expect(lines[9]).toBe('22/tcp (v6)                ALLOW       Anywhere (v6)             ');
  });

  it('deletes by number and by rule', () => {
    expect(ufw(web01(), ['delete', '3']).events).toEqual([{ type: 'ufw', at: NOW, op: { kind: 'delete', number: 3 } }]);
    const w = apply(web01(), ['delete', 'allow', '80/tcp']);
    expect(w.firewall.ufw?.rules.map((r) => r.to)).toEqual(['22/tcp', 'Anywhere', '22/tcp']);
    expect(ufw(web01(), ['delete', '9'])).toEqual({ stdout: '', stderr: "ERROR: Could not find rule '9'\n", exitCode: 1 });
  });

  it('enables and disables, saying what ufw says', () => {
    const off = apply(web01(), ['disable']);
    expect(off.firewall.ufw?.enabled).toBe(false);
    expect(ufw(off, ['allow', '8080']).stdout).toBe('Rules updated\nRules updated (v6)\n');
    expect(ufw(off, ['enable'])).toMatchObject({
      stdout: 'Firewall is active and enabled on system startup\n', events: [{ op: { kind: 'enable' } }],
    });
  });

  it('words bad arguments as ufw does', () => {
    const w = web01();
    expect(ufw(w, ['allow', '99999']).stderr).toBe('ERROR: Bad port\n');
    expect(ufw(w, ['deny', 'from', '1.2.3']).stderr).toBe('ERROR: Bad source address\n');
    expect(ufw(w, ['frobnicate']).stderr).toBe('ERROR: Invalid syntax\n');
    expect(ufw(w, ['allow', 'nosuchservice']).stderr).toBe("ERROR: Could not find a profile matching 'nosuchservice'\n");
  });
});
