import { describe, expect, it } from 'vitest';
import { checkQuestions } from './grader';
import { fixture } from './fixture.test-support';

const fx = fixture(1);
const base = { prompt: 'p' };

describe('checkQuestions', () => {
  it('accepts answers the world produces', () => {
    expect(checkQuestions([{ ...base, id: 'a', kind: 'ip', answer: { fact: 'remote_address', of: 'revshell' } }], fx)).toEqual([]);
  });

  it('positions a question whose answer the world cannot produce', () => {
    const issues = checkQuestions([
      { ...base, id: 'ok', kind: 'pid', answer: { fact: 'pid', of: 'revshell' } },
      { ...base, id: 'no_entity', kind: 'ip', answer: { fact: 'remote_address', of: 'ghost' } },
      { ...base, id: 'no_socket', kind: 'port', answer: { fact: 'remote_port', of: 'backdoor' } },
      { ...base, id: 'wrong_kind', kind: 'ip', answer: { fact: 'pid', of: 'revshell' } },
      { ...base, id: 'no_var', kind: 'ip', answer: { var: 'nope' } },
      { ...base, id: 'bad_literal', kind: 'ip', answer: { value: '300.1.1.1' } },
      { ...base, id: 'no_listener', kind: 'pid', answer: { fact: 'listening_pid', port: 9 } },
      { ...base, id: 'bad_choice', kind: 'choice', options: [{ id: 'y', text: 'Y' }, { id: 'n', text: 'N' }], answer: { value: 'maybe' } },
      { ...base, id: 'slow', kind: 'text', answer: { pattern: '(a+)+$' } },
      { ...base, id: 'bad_feedback', kind: 'ip', answer: { var: 'c2_ip' }, feedback: [{ when: { fact: 'remote_port', of: 'ghost' }, text: 't' }] },
      { ...base, id: 'no_interval', kind: 'duration', answer: { fact: 'interval', of: 'revshell' } },
      { ...base, id: 'needs_addr', kind: 'state', answer: { check: 'firewall_blocks' } },
    ], fx);
    expect(issues.map((i) => [i.path, i.message])).toEqual([
      [['questions', 1, 'answer', 'of'], 'there is no entity "ghost"'],
      [['questions', 2, 'answer', 'of'], 'the world cannot produce this answer: entity "backdoor" has no connected socket'],
      [['questions', 3, 'answer', 'fact'], 'fact "pid" gives a pid, not a ip'],
      [['questions', 4, 'answer', 'var'], 'there is no var named "nope"'],
      [['questions', 5, 'answer', 'value'], '"300.1.1.1" is not a valid ip'],
      [['questions', 6, 'answer'], 'the world cannot produce this answer: nothing listens on port 9'],
      [['questions', 7, 'answer', 'value'], '"maybe" names no option'],
      [['questions', 8, 'answer', 'pattern'], 'the pattern repeats a repeated group, which can be very slow to match'],
      [['questions', 9, 'feedback', 0, 'when', 'of'], 'there is no entity "ghost"'],
      [['questions', 10, 'answer', 'of'], 'the world cannot produce this answer: entity "revshell" does not connect repeatedly'],
      [['questions', 11, 'answer'], 'this needs `address`'],
    ]);
    expect(issues[3]?.hint).toBe('Known vars: attacker_ip, c2_ip, c2_port.');
  });

  it('reports schema problems and duplicate ids with their paths', () => {
    const issues = checkQuestions([
      { ...base, id: 'a', kind: 'ip', answer: { var: 'c2_ip' }, colour: 'red' },
      { ...base, id: 'b', kind: 'ipv4', answer: { var: 'c2_ip' } },
      { ...base, id: 'c', kind: 'ip', answer: { var: 'c2_ip' } },
      { ...base, id: 'c', kind: 'ip', answer: { var: 'c2_ip' } },
    ], fx);
    expect(issues.map((i) => i.path)).toEqual([
      ['questions', 0], ['questions', 1, 'kind'], ['questions', 3, 'id'],
    ]);
  });
});
