import { describe, expect, it } from 'vitest';
import { parseRoute } from './router';

describe('hash routes', () => {
  it('reads the catalog and a lab with its seed', () => {
    expect(parseRoute('')).toEqual({ page: 'catalog' });
    expect(parseRoute('#/')).toEqual({ page: 'catalog' });
    expect(parseRoute('#/lab/ssh-reverse-shell-beacon-exfil?seed=7')).toEqual({
      page: 'lab', scenarioId: 'ssh-reverse-shell-beacon-exfil', seed: 7,
    });
  });

  it('defaults a missing seed to 1 and names a malformed one', () => {
    expect(parseRoute('#/lab/x')).toEqual({ page: 'lab', scenarioId: 'x', seed: 1 });
    expect(parseRoute('#/lab/x?seed=-4')).toEqual({ page: 'lab', scenarioId: 'x', seed: 1, badSeed: '-4' });
    expect(parseRoute('#/lab/x?seed=abc')).toMatchObject({ seed: 1, badSeed: 'abc' });
    expect(parseRoute('#/lab/x?seed=99999999999999999999')).toMatchObject({ seed: 1, badSeed: '99999999999999999999' });
    expect(parseRoute('#/lab/x?seed=0')).toEqual({ page: 'lab', scenarioId: 'x', seed: 0 });
  });

  it('sends anything else to the not-found page', () => {
    expect(parseRoute('#/lab/<script>').page).toBe('not-found');
    expect(parseRoute('#/lab/%E0%A4%A').page).toBe('not-found');
    expect(parseRoute('#/studio').page).toBe('not-found');
  });
});
