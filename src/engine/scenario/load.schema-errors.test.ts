import { describe, expect, it } from 'vitest';
import { GOOD, only } from '../../../test/unit/scenario-stand-in';

describe('loadScenario: schema errors in the author\'s terms', () => {
  it('accepts a good file', () => {
    expect(only(GOOD)).toBe('OK');
  });

  it('explains a wrong type with the expected range', () => {
    const text = GOOD.replace('port: 22', 'port: ssh');
    expect(only(text)).toBe('7:13-7:16 expected a port number (1-65535), got "ssh"');
  });

  it('suggests dropping the quotes around a number', () => {
    const text = GOOD.replace('port: 22', 'port: "22"');
    expect(only(text)).toBe(
      '7:13-7:17 expected a port number (1-65535), got "22" | write the number without quotes: 22',
    );
  });

  it('points an unknown key at the key and suggests the closest one', () => {
    const text = GOOD.replace('  hostname: web01', '  hostnme: web01');
    expect(only(text)).toBe([
      '3:1-3:5 missing required key `hostname` | add `hostname: ...` under `host`',
      '4:3-4:10 unknown key `hostnme` | did you mean `hostname`?',
    ].join('\n'));
  });

  it('lists the allowed keys when nothing is close', () => {
    const text = GOOD.replace('duration', 'x') + 'banana: 1\n';
    expect(only(text)).toBe(
      '18:1-18:7 unknown key `banana` | allowed keys here: id, title, difficulty, host, timeline, duration',
    );
  });

  it('lists the allowed values of an enum', () => {
    const text = GOOD.replace('title: Demo scenario', 'title: Demo\ndifficulty: begginer');
    expect(only(text)).toBe(
      '3:13-3:21 expected one of `beginner`, `intermediate`, `advanced`, got "begginer"'
      + ' | did you mean `beginner`?',
    );
  });

  it('names the allowed kinds of a timeline entry', () => {
    const text = GOOD.replace('kind: beacon', 'kind: beacom');
    expect(only(text)).toBe(
      '13:11-13:17 unknown kind "beacom"; expected one of `ssh_login`, `beacon`'
      + ' | did you mean `beacon`?',
    );
  });

  it('points a missing key at the entry that lacks it', () => {
    const text = GOOD.replace('    user: deploy\n', '');
    expect(only(text)).toBe(
      '9:5-9:9 missing required key `user` (a non-empty text)'
      + ' | add `user: ...` under `timeline[0]`',
    );
  });

  it('says a string must not be empty', () => {
    expect(only(GOOD.replace('title: Demo scenario', 'title: ""'))).toBe('2:8-2:10 must not be empty');
  });

  it('says a number is out of range', () => {
    expect(only(GOOD.replace('every: 60', 'every: 0'))).toBe('17:12-17:13 must be greater than 0');
  });

  it('explains a list where a mapping was expected', () => {
    expect(only(GOOD.replace('  hostname: web01\n', '  - web01\n').replace(/  services:[^]*?port: 22\n/, ''))).toBe(
      '3:1-3:5 expected a mapping (key: value), got a list',
    );
  });
});
