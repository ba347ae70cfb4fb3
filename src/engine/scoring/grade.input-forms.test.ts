import { describe, expect, it } from 'vitest';
import { createGrader } from './grader';
import { initialState, submitAnswer } from './grade';
import { fixture } from './fixture.test-support';
import { MAX_ANSWER_BYTES } from './normalise';

const fx = fixture(11);
const grader = createGrader(fx, [
  { id: 'c2_ip', prompt: 'C2?', kind: 'ip', answer: { var: 'c2_ip' } },
  { id: 'who', prompt: 'Which account?', kind: 'text', answer: { fact: 'user', of: 'revshell' } },
  { id: 'port', prompt: 'Port?', kind: 'port', answer: { var: 'c2_port' } },
  { id: 'sequence', prompt: 'Order?', kind: 'order', answer: { fact: 'chronological' },
    options: [{ id: 'exfil', text: 'Exfil' }, { id: 'login', text: 'Login' },
      { id: 'revshell', text: 'Shell' }, { id: 'backdoor', text: 'Backdoor' }] },
]);

/** ASCII letters and digits as their full-width forms (U+FF01..U+FF5E). */
const fullWidth = (s: string): string =>
  s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x21 + 0xff01));

const reply = (question: string, value: string) =>
  submitAnswer(grader, initialState(grader), { question, value, at: fx.now + 1000 }).reply;

describe('answers in compatibility forms', () => {
  it('reads full-width digits and letters as their plain forms, for every kind', () => {
    const [first, ...rest] = fx.c2.split('.');
    // Only the first part full-width, as the tester typed it.
    expect(reply('c2_ip', [fullWidth(first!), ...rest].join('.')).kind).toBe('right');
    expect(reply('who', fullWidth('deploy')).kind).toBe('right');
    expect(reply('port', fullWidth(String(fx.c2Port))).kind).toBe('right');
    expect(reply('sequence', fullWidth('login, backdoor, revshell, exfil')).kind).toBe('right');
  });

  it('grades a full-width wrong answer as wrong, the same as its plain form', () => {
    expect(reply('who', fullWidth('root'))).toEqual(reply('who', 'root'));
    expect(reply('c2_ip', fullWidth('192.0.2.250'))).toEqual(reply('c2_ip', '192.0.2.250'));
  });
});

describe('answers over the size limit', () => {
  const tooLong = { kind: 'rejected', message: `The answer is longer than ${MAX_ANSWER_BYTES} bytes; shorten it.` };

  it('are refused with the same words whatever the kind, and use no attempt', () => {
    for (const question of ['c2_ip', 'who', 'port', 'sequence']) {
      for (const value of ['a'.repeat(10_000), `deploy ${'x'.repeat(MAX_ANSWER_BYTES)}`]) {
        const r = submitAnswer(grader, initialState(grader), { question, value, at: fx.now });
        expect(r.reply, question).toEqual(tooLong);
        expect(r.state).toEqual(initialState(grader));
      }
    }
  });

  it('count what the answer becomes: a short text that expands past the limit is refused', () => {
    // U+FDFA is one character that NFKC spells with 18.
    const value = '\ufdfa'.repeat(100);
    expect(value.length).toBeLessThan(MAX_ANSWER_BYTES);
    expect(reply('who', value)).toEqual(tooLong);
  });
});

describe('the words of a wrong order', () => {
  it('ask to put every step in order, not to type options with commas', () => {
    const r = reply('sequence', 'backdoor, login, revshell, exfil');
    expect(r).toMatchObject({ kind: 'wrong', message: 'That is not the order asked for: put every step in order.' });
    expect(reply('sequence', 'login, nothing').message).toBe('That does not read as every step, once each, in order.');
  });
});
