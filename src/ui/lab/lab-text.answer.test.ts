import { describe, expect, it } from 'vitest';
import { answerShown } from './lab-text';

const OPTIONS = [
  { id: 'login', text: 'SSH login' },
  { id: 'shell', text: 'Reverse shell' },
  { id: 'exfil', text: 'Upload' },
];

describe('an answer as the trainee chose it', () => {
  it('shows a choice by its text and an order as texts joined by arrows', () => {
    expect(answerShown('shell', OPTIONS, false)).toBe('Reverse shell');
    expect(answerShown('login,shell,exfil', OPTIONS, true)).toBe('SSH login → Reverse shell → Upload');
    expect(answerShown('login, exfil', OPTIONS, false)).toBe('SSH login, Upload');
  });

  it('shows anything else as typed', () => {
    expect(answerShown('198.51.100.7', undefined, false)).toBe('198.51.100.7');
    expect(answerShown('login,nope', OPTIONS, true)).toBe('login,nope');
    expect(answerShown('', OPTIONS, false)).toBe('');
  });
});
