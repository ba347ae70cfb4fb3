import flagship from '../../../scenarios/ssh-reverse-shell-beacon-exfil.yaml?raw';
import { describe, expect, it } from 'vitest';
import { compiledOnce } from './behaviours/flagship.fixture';

describe('worldAt: conntrack flows of the base host', () => {
  const c = compiledOnce(flagship);
  const trainee = (t: number) => c.at(t).flows.filter((f) => f.orig.src === '192.0.2.10' && f.orig.dport === 22);

  it('shows the trainee\'s SSH flow once the connection exists, and not before', () => {
    expect(trainee(c.base.now)).toHaveLength(1);
    expect(trainee(c.base.now - 2 * 3_600_000)).toEqual([]);
  });

  it('keeps the bookkeeping field out of what tools see', () => {
    expect(Object.keys(trainee(c.base.now)[0]!).sort()).toEqual(['assured', 'mark', 'orig', 'proto', 'reply', 'state', 'timeout']);
  });
});
