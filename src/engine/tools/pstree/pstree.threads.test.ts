import flagship from '../../../../scenarios/ssh-reverse-shell-beacon-exfil.yaml?raw';
import { describe, expect, it } from 'vitest';
import { compiledOnce } from '../../world/behaviours/flagship.fixture';
import { pstreeTool } from './pstree';

const c = compiledOnce(flagship);
const pstree = (...args: string[]) => pstreeTool.run({
  argv: ['pstree', ...args], stdin: '', world: c.at(c.base.now), uid: 0, user: 'root', cwd: '/',
  env: new Map([['LANG', 'C.UTF-8']]), shellPid: 1,
}).stdout;

describe('pstree shows threads as psmisc 23.7 does', () => {
  it('merged {name} leaves without -p; one line each with -p, without arguments under -a', () => {
    expect(pstree('446') + pstree('458') + pstree('492')).toBe(
      'rsyslogd───3*[{rsyslogd}]\npolkitd───2*[{polkitd}]\nunattended-upgr───{unattended-upgr}\n');
    expect(pstree('-p', '446')).toBe([
      'rsyslogd(446)─┬─{rsyslogd}(447)',
      '              ├─{rsyslogd}(448)',
      '              └─{rsyslogd}(449)', ''].join('\n'));
    expect(pstree('-ap', '446')).toBe(
      'rsyslogd,446 -n -iNONE\n  ├─{rsyslogd},447\n  ├─{rsyslogd},448\n  └─{rsyslogd},449\n');
  });

  it('-t names the threads by their own names, sorted; -T hides them', () => {
    expect(pstree('-t', '446')).toBe('rsyslogd─┬─{in:imklog}\n         ├─{in:imuxsock}\n         └─{rs:main Q:Reg}\n');
    expect(pstree('-tp', '458')).toBe('polkitd(458)─┬─{gdbus}(460)\n             └─{gmain}(459)\n');
    expect(pstree('-T', '446') + pstree('-T', '-p', '492')).toBe('rsyslogd\nunattended-upgr(492)\n');
  });
});
