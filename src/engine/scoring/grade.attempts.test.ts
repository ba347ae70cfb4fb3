import { describe, expect, it } from 'vitest';
import type { SessionEvent } from '../session/types';
import { createGrader } from './grader';
import { initialState, replayLog, submitAnswer, takeHint, totals } from './grade';
import { fixture } from './fixture.test-support';

const fx = fixture(11);
const grader = createGrader(fx, [
  { id: 'attacker_ip', prompt: 'Where from?', kind: 'ip', points: 10, attempts: 2,
    answer: { var: 'attacker_ip' },
    hints: [{ text: 'Try who.', cost: 2 }, { text: 'Look at SSH_CONNECTION.', cost: 3 }] },
  { id: 'c2_ip', prompt: 'C2?', kind: 'ip', points: 20, answer: { var: 'c2_ip' } },
]);
const t = fx.now;

describe('hints and attempts', () => {
  it('charges each hint once and takes the cost from the points', () => {
    let s = initialState(grader);
    const h1 = takeHint(grader, s, { question: 'attacker_ip', index: 0, at: t });
    expect(h1.reply).toEqual({ kind: 'hint', text: 'Try who.', cost: 2 });
    s = h1.state;
    const again = takeHint(grader, s, { question: 'attacker_ip', index: 0, at: t + 1 });
    expect(again.reply).toMatchObject({ cost: 0 });
    s = again.state;
    s = takeHint(grader, s, { question: 'attacker_ip', index: 1, at: t + 2 }).state;
    const r = submitAnswer(grader, s, { question: 'attacker_ip', value: fx.attacker, at: t + 3 });
    expect(r.reply).toMatchObject({ kind: 'right', points: 5 });
    expect(totals(grader, r.state)).toMatchObject({ points: 5, max: 30, percent: 16, passed: false });
  });

  it('refuses hints that do not exist', () => {
    const s = initialState(grader);
    expect(takeHint(grader, s, { question: 'attacker_ip', index: 5, at: t }).reply.kind).toBe('refused');
    expect(takeHint(grader, s, { question: 'nope', index: 0, at: t }).reply.kind).toBe('refused');
    expect(takeHint(grader, s, { question: 'attacker_ip', index: 0.5, at: t }).reply.kind).toBe('refused');
  });

  it('closes a question when the attempts run out', () => {
    let s = initialState(grader);
    let r = submitAnswer(grader, s, { question: 'attacker_ip', value: '192.0.2.1', at: t });
    expect(r.reply).toMatchObject({ kind: 'wrong', attemptsLeft: 1 });
    s = r.state;
    r = submitAnswer(grader, s, { question: 'attacker_ip', value: '192.0.2.2', at: t + 1 });
    expect(r.reply).toMatchObject({ kind: 'wrong', attemptsLeft: 0 });
    s = r.state;
    r = submitAnswer(grader, s, { question: 'attacker_ip', value: fx.attacker, at: t + 2 });
    expect(r.reply.kind).toBe('closed');
    expect(r.state.questions[0]).toMatchObject({ status: 'failed', points: 0 });
  });

  it('refuses oversized, control-character and unreadable answers without using an attempt', () => {
    const s = initialState(grader);
    for (const value of ['1'.repeat(5_000_000), `${fx.attacker}\u0007`, 'the bad guy', 12, null]) {
      const r = submitAnswer(grader, s, { question: 'attacker_ip', value, at: t });
      expect(['rejected', 'unreadable']).toContain(r.reply.kind);
      expect(r.state).toBe(s);
    }
    const r = submitAnswer(grader, s, { question: 'attacker_ip', value: 'x'.repeat(2000), at: t });
    expect(r.reply).toEqual({ kind: 'rejected', message: 'The answer is longer than 1024 bytes; shorten it.' });
  });

  it('says what kind of thing was expected, not the answer', () => {
    const r = submitAnswer(grader, initialState(grader), { question: 'c2_ip', value: '192.0.2.9', at: t });
    expect(r.reply.message).toBe('That reads as an IP address (IPv4 or IPv6), but it is not the one asked for.');
    expect(JSON.stringify(r.reply)).not.toContain(fx.c2);
  });

  it('shows hints for free once the question is closed', () => {
    const s = submitAnswer(grader, initialState(grader), { question: 'c2_ip', value: fx.c2, at: t }).state;
    const g2 = createGrader(fx, [{ id: 'c2_ip', prompt: 'C2?', kind: 'ip', answer: { var: 'c2_ip' },
      hints: [{ text: 'ss', cost: 5 }] }]);
    const closed = submitAnswer(g2, initialState(g2), { question: 'c2_ip', value: fx.c2, at: t }).state;
    expect(takeHint(g2, closed, { question: 'c2_ip', index: 0, at: t + 1 }).reply).toEqual({ kind: 'hint', text: 'ss', cost: 0 });
    expect(submitAnswer(grader, s, { question: 'c2_ip', value: fx.c2, at: t + 1 }).reply.kind).toBe('closed');
  });

  it('gives targeted feedback on choice questions', () => {
    const g = createGrader(fx, [{ id: 'timing', prompt: 'Timing?', kind: 'choice',
      options: [{ id: 'regular', text: 'Regular' }, { id: 'human', text: 'Human-driven' }],
      answer: { value: 'regular' }, feedback: [{ when: { value: 'human' }, text: 'Look at the gaps.' }] }]);
    expect(g.issues).toEqual([]);
    const r = submitAnswer(g, initialState(g), { question: 'timing', value: 'Human-driven', at: t }).reply;
    expect(r).toMatchObject({ kind: 'wrong', feedback: 'Look at the gaps.', attemptsLeft: 2 });
  });

  it('rebuilds the same score from the session log', () => {
    const log: SessionEvent[] = [
      { type: 'hint', at: t, question: 'attacker_ip', index: 0 },
      { type: 'answer', at: t + 1, question: 'attacker_ip', value: '192.0.2.1' },
      { type: 'answer', at: t + 2, question: 'attacker_ip', value: fx.attacker },
      { type: 'answer', at: t + 3, question: 'c2_ip', value: fx.c2 },
    ];
    const s = replayLog(grader, log);
    expect(s.questions.map((q) => [q.status, q.points, q.attempts.length])).toEqual([
      ['right', 8, 2], ['right', 20, 1]]);
    expect(totals(grader, s)).toMatchObject({ points: 28, max: 30, passed: true });
  });
});
