import { describe, expect, it } from 'vitest';
import { createGrader, type Grader } from './grader';
import { initialState, submitAnswer } from './grade';
import { fixture } from './fixture.test-support';
import type { WorldEvent } from '../world/types';

const fx = fixture(7);
const pid = (n: number) => String(n + fx.shift);

const questions = [
  { id: 'attacker_ip', prompt: 'Where from?', kind: 'ip', answer: { fact: 'remote_address', of: 'login' },
    feedback: [{ when: { fact: 'remote_port', of: 'login' }, text: 'That is the SSH client port.' },
      { when: { fact: 'local_address', of: 'login' }, text: 'That is web01 itself.' }] },
  { id: 'c2_ip', prompt: 'C2?', kind: 'ip', answer: { var: 'c2_ip' } },
  { id: 'shell_ep', prompt: 'Shell peer?', kind: 'endpoint', answer: { fact: 'remote_endpoint', of: 'revshell' } },
  { id: 'backdoor_port', prompt: 'Backdoor port?', kind: 'port', answer: { fact: 'local_port', of: 'backdoor' } },
  { id: 'shell_pid', prompt: 'Shell PID?', kind: 'pid', answer: { fact: 'pid', of: 'revshell' } },
  { id: 'exfil_proc', prompt: 'Exfil process?', kind: 'process', answer: { fact: 'process_name', of: 'exfil' } },
  { id: 'interval', prompt: 'Interval?', kind: 'duration', answer: { fact: 'interval', of: 'beacon' } },
  { id: 'sent', prompt: 'Bytes sent?', kind: 'number', answer: { fact: 'bytes_sent', of: 'exfil' }, tolerance: 1000 },
  { id: 'outbound', prompt: 'Should it connect out?', kind: 'choice', attempts: 1,
    options: [{ id: 'yes', text: 'Yes' }, { id: 'no', text: 'No, it only serves' }], answer: { value: 'no' } },
  { id: 'signs', prompt: 'Which?', kind: 'choices',
    options: [{ id: 'a', text: 'Shell on a socket' }, { id: 'b', text: 'Printer' }, { id: 'c', text: 'Bytes leaving' }],
    answer: { value: ['a', 'c'] } },
  { id: 'holders', prompt: 'PIDs with sockets to C2?', kind: 'set',
    answer: { fact: 'pids_with_sockets_to', address: { var: 'c2_ip' } } },
  { id: 'sequence', prompt: 'Order?', kind: 'order', answer: { fact: 'chronological' },
    options: [{ id: 'exfil', text: 'Exfil' }, { id: 'login', text: 'Login' },
      { id: 'revshell', text: 'Shell' }, { id: 'backdoor', text: 'Backdoor' }] },
  { id: 'how', prompt: 'How?', kind: 'text', answer: { pattern: '\\b(ssh|key)\\b' } },
  { id: 'who', prompt: 'Which account?', kind: 'text', answer: { fact: 'user', of: 'revshell' } },
  { id: 'kill_shell', prompt: 'Kill it', kind: 'state', attempts: 5,
    answer: { check: 'no_connection_to', address: { var: 'c2_ip' } } },
  { id: 'block_c2', prompt: 'Block it', kind: 'state', attempts: 5,
    answer: { check: 'firewall_blocks', address: { var: 'c2_ip' } } },
];

const grader: Grader = createGrader(fx, questions);

function answer(id: string, value: string, actions: WorldEvent[] = []) {
  return submitAnswer(grader, initialState(grader), { question: id, value, at: fx.now + 1000 }, actions).reply.kind;
}

describe('every kind of answer', () => {
  it('prepares without issues', () => {
    expect(grader.issues).toEqual([]);
  });

  it('ip: any spelling, with or without a port', () => {
    for (const v of [fx.attacker, ` ${fx.attacker} `, `::ffff:${fx.attacker}`, `${fx.attacker}:45713`, `[::ffff:${fx.attacker}]:22`]) {
      expect(answer('attacker_ip', v)).toBe('right');
    }
    expect(answer('attacker_ip', '10.10.0.5')).toBe('wrong');
    expect(answer('attacker_ip', 'the attacker')).toBe('unreadable');
    expect(answer('c2_ip', fx.c2)).toBe('right');
  });

  it('ip: a known mistake gets its feedback; only a readable one costs an attempt', () => {
    const s = initialState(grader);
    const port = submitAnswer(grader, s, { question: 'attacker_ip', value: '45713', at: fx.now });
    expect(port.reply).toEqual({ kind: 'unreadable', message: 'That is the SSH client port.', feedback: 'That is the SSH client port.' });
    expect(port.state).toBe(s);
    const self = submitAnswer(grader, s, { question: 'attacker_ip', value: '10.10.0.5', at: fx.now }).reply;
    expect(self).toMatchObject({ kind: 'wrong', feedback: 'That is web01 itself.', attemptsLeft: 2 });
  });

  it('endpoint', () => {
    expect(answer('shell_ep', `${fx.c2}:${fx.c2Port}`)).toBe('right');
    expect(answer('shell_ep', `${fx.c2} ${fx.c2Port}`)).toBe('right');
    expect(answer('shell_ep', `[::ffff:${fx.c2}]:${fx.c2Port}`)).toBe('right');
    expect(answer('shell_ep', `${fx.c2}:${fx.c2Port + 1}`)).toBe('wrong');
    expect(answer('shell_ep', fx.c2)).toBe('unreadable');
  });

  it('port and pid', () => {
    expect(answer('backdoor_port', '31337/tcp')).toBe('right');
    expect(answer('backdoor_port', '31338')).toBe('wrong');
    expect(answer('shell_pid', `pid=${pid(22713)}`)).toBe('right');
    expect(answer('shell_pid', `${pid(22713)}/bash`)).toBe('right');
    expect(answer('shell_pid', pid(22711))).toBe('wrong');
  });

  it('process: name or path of the program', () => {
    for (const v of ['nc', 'NC', '/usr/bin/nc.openbsd', 'nc.openbsd', 'nc 198.51.100.1 9001']) {
      expect(answer('exfil_proc', v)).toBe('right');
    }
    expect(answer('exfil_proc', 'ncat')).toBe('wrong');
  });

  it('duration within the default tolerance', () => {
    const i = fx.interval;
    expect(answer('interval', `${i}s`)).toBe('right');
    expect(answer('interval', `${i / 60} min`)).toBe('right');
    expect(answer('interval', `${Math.round(i * 1.05)}`)).toBe('right');
    expect(answer('interval', `${i * 2}s`)).toBe('wrong');
    expect(answer('interval', 'often')).toBe('unreadable');
  });

  it('number within the given tolerance', () => {
    expect(answer('sent', '334,000')).toBe('right');
    expect(answer('sent', '330000')).toBe('wrong');
  });

  it('choice by id or text; choices as a set', () => {
    expect(answer('outbound', 'No')).toBe('right');
    expect(answer('outbound', 'no, it only serves')).toBe('right');
    expect(answer('outbound', 'yes')).toBe('wrong');
    expect(answer('outbound', 'maybe')).toBe('unreadable');
    expect(answer('signs', 'c, a')).toBe('right');
    expect(answer('signs', 'a')).toBe('wrong');
    expect(answer('signs', 'a, b, c')).toBe('wrong');
  });

  it('set: every holder, in any order, duplicates ignored', () => {
    const all = [pid(22713), pid(22719)];
    expect(answer('holders', all.join(','))).toBe('right');
    expect(answer('holders', [...all].reverse().join(' '))).toBe('right');
    expect(answer('holders', `${all.join(',')},${all[0]}`)).toBe('right');
    expect(answer('holders', all[0] as string)).toBe('wrong');
    expect(answer('holders', `${all.join(',')},1`)).toBe('wrong');
  });

  it('order: the entities by start time', () => {
    expect(answer('sequence', 'login, backdoor, revshell, exfil')).toBe('right');
    expect(answer('sequence', 'Login > Backdoor > Shell > Exfil')).toBe('right');
    expect(answer('sequence', 'backdoor, login, revshell, exfil')).toBe('wrong');
  });

  it('text: by pattern, or equal to a fact', () => {
    expect(answer('how', 'With a stolen SSH key')).toBe('right');
    expect(answer('how', 'sshd exploit')).toBe('wrong');
    expect(answer('who', 'Deploy')).toBe('right');
    expect(answer('who', 'root')).toBe('wrong');
  });

  it('state: killing the shell and blocking the C2', () => {
    expect(answer('kill_shell', 'done')).toBe('wrong');
    const kills: WorldEvent[] = [22713, 22719].map((p) => ({ type: 'kill', at: fx.now, pid: p + fx.shift, signal: 9 }));
    expect(answer('kill_shell', 'done', kills)).toBe('right');
    expect(answer('kill_shell', 'done', kills.slice(0, 1))).toBe('wrong');

    expect(answer('block_c2', 'done')).toBe('wrong');
    const drop: WorldEvent = { type: 'firewall', at: fx.now, table: 'filter',
      op: { kind: 'append', chain: 'OUTPUT', rule: { destination: fx.c2, target: 'DROP', packets: 0, bytes: 0 } } };
    expect(answer('block_c2', 'done', [drop])).toBe('right');
    const other: WorldEvent = { ...drop, op: { kind: 'append', chain: 'OUTPUT', rule: { destination: '192.0.2.1', target: 'DROP', packets: 0, bytes: 0 } } };
    expect(answer('block_c2', 'done', [other])).toBe('wrong');
    const later: WorldEvent = { ...drop, at: fx.now + 60_000 };
    expect(answer('block_c2', 'done', [later])).toBe('wrong');
    const ufw: WorldEvent = { type: 'ufw', at: fx.now,
      op: { kind: 'rule', rule: { to: fx.c2, action: 'DENY', direction: 'OUT', from: 'Anywhere', v6: false } } };
    expect(answer('block_c2', 'done', [ufw])).toBe('right');
    const inbound: WorldEvent = { ...drop, op: { kind: 'insert', chain: 'INPUT', position: 1, rule: { source: fx.c2, target: 'DROP', packets: 0, bytes: 0 } } };
    expect(answer('block_c2', 'done', [inbound])).toBe('right');
    const onePort: WorldEvent = { ...drop, op: { kind: 'append', chain: 'OUTPUT', rule: { destination: fx.c2, protocol: 'tcp', dport: 443, target: 'DROP', packets: 0, bytes: 0 } } };
    expect(answer('block_c2', 'done', [onePort])).toBe('wrong');
  });
});
