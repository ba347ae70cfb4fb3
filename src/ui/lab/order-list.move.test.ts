import { describe, expect, it } from 'vitest';
import { moveItem, orderAnswer } from './order-list';

describe('order list moves', () => {
  it('moves an item up and down by one place', () => {
    expect(moveItem(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
  });

  it('leaves the list as it is at its ends', () => {
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b'], 5, -1)).toEqual(['a', 'b']);
  });

  it('writes the answer as comma-separated option ids', () => {
    expect(orderAnswer(['attacker-login', 'revshell', 'beacon'])).toBe('attacker-login,revshell,beacon');
  });
});
