/**
 * Times in an impossible order: an entry that ends before it starts, a
 * child that starts before its parent or after it has ended. Each is said
 * at the field whose time is wrong, with both times and the fix (before,
 * `last` printed a session ending before it began, and a child placed too
 * early was reported as naming no earlier entry).
 */
import { describe, expect, it } from 'vitest';
import { diagnostics, variant } from './flagship-variant.fixture';

const LOGOUT = '    logout: -1h44m\n';

describe('an end not after the start', () => {
  it('a logout before the login', () => {
    expect(diagnostics(variant([LOGOUT, '    logout: -3h\n']))).toEqual([
      '135:13-135:16 logout: -3h is not after at: -2h01m, so it would end 59m before it starts'
      + ' | make logout later than -2h01m, or leave logout out if it has not ended',
    ]);
  });

  it('a logout at the login', () => {
    expect(diagnostics(variant([LOGOUT, '    logout: -2h01m\n']))).toEqual([
      '135:13-135:19 logout: -2h01m is not after at: -2h01m, so it would end the moment it starts'
      + ' | make logout later than -2h01m, or leave logout out if it has not ended',
    ]);
  });

  it('an until before the start, and an exit before the start', () => {
    const proc = '  - { id: p, kind: process, at: -1h, exit: -2h, argv: [sleep, "9"] }\n';
    const text = variant(['    timeout: 10s\n', '    timeout: 10s\n    until: -2h\n'],
      ['  # Exfiltration,', `${proc}  # Exfiltration,`]);
    expect(diagnostics(text)).toEqual([
      '172:12-172:15 until: -2h is not after at: -1h52m, so it would end 8m before it starts'
      + ' | make until later than -1h52m, or leave until out if it has not ended',
      '174:44-174:47 exit: -2h is not after at: -1h, so it would end 1h before it starts'
      + ' | make exit later than -1h, or leave exit out if it has not ended',
    ]);
  });

  it('a duration of nothing', () => {
    expect(diagnostics(variant(['    duration: 41s\n', '    duration: 0s\n']))).toEqual([
      '112:15-112:17 duration: 0s would end it the moment it starts'
      + ' | write how long it lasts, like 41s or 6m, or leave duration out if it has not ended',
    ]);
  });
});

describe('a child out of its parent\'s time', () => {
  it('an exfil placed before the shell it was typed in', () => {
    expect(diagnostics(variant(['    at: -8m\n', '    at: -1h58m\n']))).toEqual([
      '176:9-176:15 "exfil" starts at -1h58m, 1m before its parent "revshell" starts'
      + ' (at: -1h57m) | start "exfil" at -1h57m or later, or start "revshell" earlier',
    ]);
  });

  it('a parent moved into the future', () => {
    expect(diagnostics(variant(['    at: -1h57m\n', '    at: +5h\n']))).toEqual([
      '153:9-153:12 "revshell" starts at +5h, after its parent "attacker-login" has ended'
      + ' (logout: -1h44m) | start "revshell" before "attacker-login" ends,'
      + ' or end "attacker-login" later',
      '176:9-176:12 "exfil" starts at -8m, 5h8m before its parent "revshell" starts'
      + ' (at: +5h) | start "exfil" at +5h or later, or start "revshell" earlier',
    ]);
  });

  it('a child at its parent\'s time but listed before it', () => {
    const early = '  - { id: early, kind: process, at: -1h57m, argv: [sleep, "1"], parent: revshell }\n';
    expect(diagnostics(variant(['  # Execution:', `${early}  # Execution:`]))).toEqual([
      '150:37-150:43 "early" starts at the same time as its parent "revshell" (-1h57m)'
      + ' but is listed before it | list "early" after "revshell", or start it a little later',
    ]);
  });

  it('still names an id that is not there as unknown', () => {
    expect(diagnostics(variant(['    parent: attacker-login\n', '    parent: nosuch\n']))).toEqual([
      '154:13-154:19 "nosuch" is not the id of an earlier timeline entry or a process'
      + ' | name an entry listed before this one (its parent must exist first)',
      // The exfil's parent exists but did not compile: a known second message.
      '177:13-177:21 "revshell" is not the id of an earlier timeline entry or a process'
      + ' | name an entry listed before this one (its parent must exist first)',
    ]);
  });
});
