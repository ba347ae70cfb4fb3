import { describe, expect, it } from 'vitest';
import type { PathIssue } from './issues';
import { baseDoc, compileDoc } from './compile.fixture';

function issuesOf(over: Record<string, unknown>): PathIssue[] {
  const r = compileDoc(baseDoc(over));
  return r.issues.filter((i) => i.severity !== 'warning');
}

const proc = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  argv: ['sleep', '60'],
  ...extra,
});

describe('semantic issues carry the path of the offending node', () => {
  it('duplicate process ids', () => {
    const issues = issuesOf({ processes: [proc('a'), proc('a')] });
    expect(issues).toContainEqual(
      expect.objectContaining({ path: ['processes', 1, 'id'], message: 'duplicate id "a"' }),
    );
  });

  it('a socket and a process with the same id', () => {
    const issues = issuesOf({
      processes: [proc('x', { fds: [{ fd: 3, socket: 'x' }] })],
      sockets: [{ id: 'x', state: 'LISTEN', local: '0.0.0.0:8000' }],
    });
    expect(issues).toContainEqual(
      expect.objectContaining({ path: ['sockets', 0, 'id'], message: 'duplicate id "x"' }),
    );
  });

  it('an unknown parent', () => {
    const issues = issuesOf({ processes: [proc('a', { parent: 'nope' })] });
    expect(issues).toContainEqual(expect.objectContaining({ path: ['processes', 0, 'parent'] }));
  });

  it('an fd naming a socket that does not exist', () => {
    const issues = issuesOf({ processes: [proc('a', { fds: [{ fd: 3, socket: 'ghost' }] })] });
    expect(issues).toContainEqual(
      expect.objectContaining({
        path: ['processes', 0, 'fds', 0, 'socket'],
        message: 'no socket "ghost"',
      }),
    );
  });

  it('an unknown user, group and service', () => {
    const host = baseDoc().host as Record<string, unknown>;
    const issues = issuesOf({
      host: { ...host, services: ['ssh', 'sshh'], users: [{ name: 'bob', groups: ['wheel'] }] },
      processes: [proc('a', { user: 'alice' })],
    });
    const paths = issues.map((i) => JSON.stringify(i.path));
    expect(paths).toContain(JSON.stringify(['processes', 0, 'user']));
    expect(paths).toContain(JSON.stringify(['host', 'services', 1]));
    expect(paths).toContain(JSON.stringify(['host', 'users', 0, 'groups', 0]));
  });

  it('a route or neighbour on a missing link, a rule jumping to a missing chain', () => {
    const host = baseDoc().host as Record<string, unknown>;
    const issues = issuesOf({
      host: {
        ...host,
        routes: [{ dst: 'default', via: '10.20.0.1', dev: 'eth9' }],
        neighbours: [{ address: '10.20.0.1', dev: 'eth9', state: 'STALE' }],
        firewall: { iptables: { filter: { INPUT: { rules: [{ target: 'LOGDROP' }] } } } },
      },
    });
    const paths = issues.map((i) => JSON.stringify(i.path));
    expect(paths).toContain(JSON.stringify(['host', 'routes', 0, 'dev']));
    expect(paths).toContain(JSON.stringify(['host', 'neighbours', 0, 'dev']));
    expect(paths).toContain(
      JSON.stringify(['host', 'firewall', 'iptables', 'filter', 'INPUT', 'rules', 0, 'target']),
    );
  });

  it('a visible trainee on a host without sshd', () => {
    const host = baseDoc().host as Record<string, unknown>;
    const issues = issuesOf({ host: { ...host, services: ['cron'] } });
    expect(issues).toContainEqual(expect.objectContaining({ path: ['trainee'] }));
  });

  it('duplicate explicit pids, and a boot after now', () => {
    const issues = issuesOf({
      processes: [proc('a', { pid: 500 }), proc('b', { pid: 500 })],
      clock: { now: '2026-12-04T13:28:56Z', boot: '+1h' },
    });
    const paths = issues.map((i) => JSON.stringify(i.path));
    expect(paths).toContain(JSON.stringify(['processes', 1, 'pid']));
    expect(paths).toContain(JSON.stringify(['clock', 'boot']));
  });

  it('a clean document has no issues', () => {
    expect(issuesOf({})).toEqual([]);
  });
});
