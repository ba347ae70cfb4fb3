import { describe, expect, it } from 'vitest';
import { drawVars, resolveVars } from './vars';

const defs: [string, unknown][] = [
  ['attacker_ip', { kind: 'ipv4', range: 'documentation' }],
  ['c2_ip', { kind: 'ipv4' }],
  ['c2_port', { kind: 'port', choices: [4444, 9001, 8443] }],
  ['user', { kind: 'user' }],
];

const DOC_RANGE = /^(192\.0\.2|198\.51\.100|203\.0\.113)\.(\d+)$/;

describe('drawVars', () => {
  it('gives the same values for the same seed', () => {
    expect(drawVars(defs, 7)).toEqual(drawVars(defs, 7));
  });

  it('gives different values across seeds', () => {
    const seen = new Set<string>();
    for (let seed = 1; seed <= 20; seed++) seen.add(JSON.stringify([...drawVars(defs, seed)]));
    expect(seen.size).toBeGreaterThan(15);
  });

  it('draws ipv4 from the documentation ranges, never .0 or .255, distinct per var', () => {
    for (let seed = 0; seed < 500; seed++) {
      const v = drawVars(defs, seed);
      for (const name of ['attacker_ip', 'c2_ip']) {
        const m = DOC_RANGE.exec(String(v.get(name)));
        expect(m, `${name} under seed ${seed}`).not.toBeNull();
        const host = Number(m?.[2]);
        expect(host).toBeGreaterThanOrEqual(1);
        expect(host).toBeLessThanOrEqual(254);
      }
      expect(v.get('attacker_ip')).not.toBe(v.get('c2_ip'));
    }
  });

  it('keeps one range when asked, and draws inside a cidr', () => {
    for (let seed = 0; seed < 50; seed++) {
      const v = drawVars(
        [
          ['a', { kind: 'ipv4', range: 'test-net-2' }],
          ['b', { kind: 'ipv4', cidr: '10.20.0.0/24' }],
        ],
        seed,
      );
      expect(String(v.get('a'))).toMatch(/^198\.51\.100\.\d+$/);
      expect(String(v.get('b'))).toMatch(/^10\.20\.0\.([1-9]\d?|1\d\d|2[0-4]\d|25[0-4])$/);
    }
  });

  it('draws ports as numbers from the choices or the range', () => {
    const v = drawVars(
      [
        ['p', { kind: 'port', choices: [4444, 9001] }],
        ['q', { kind: 'port', min: 2000, max: 2010 }],
      ],
      3,
    );
    expect([4444, 9001]).toContain(v.get('p'));
    expect(v.get('q')).toBeGreaterThanOrEqual(2000);
    expect(v.get('q')).toBeLessThanOrEqual(2010);
  });

  it('does not shift a var when another is added before it', () => {
    const alone = drawVars([['c2_port', { kind: 'port', min: 1024, max: 60000 }]], 11);
    const more = drawVars(
      [
        ['x', { kind: 'choice', choices: ['a', 'b'] }],
        ['c2_port', { kind: 'port', min: 1024, max: 60000 }],
      ],
      11,
    );
    expect(more.get('c2_port')).toBe(alone.get('c2_port'));
  });
});

describe('resolveVars', () => {
  const raw = {
    seed: 5,
    vars: { c2_ip: { kind: 'ipv4' }, c2_port: { kind: 'port', choices: [4444] } },
    timeline: [
      { id: 'r', remote: '${c2_ip}:${c2_port}', port: '${c2_port}', note: 'costs $${HOME}' },
    ],
  };

  it('substitutes in strings and keeps the typed value for an exact reference', () => {
    const out = resolveVars(raw);
    expect(out.issues).toEqual([]);
    expect(out.seed).toBe(5);
    const entry = (out.value as { timeline: Record<string, unknown>[] }).timeline[0];
    expect(entry?.remote).toBe(`${out.vars.get('c2_ip')}:4444`);
    expect(entry?.port).toBe(4444);
    expect(entry?.note).toBe('costs ${HOME}');
  });

  it('uses the caller seed over the document seed', () => {
    expect(resolveVars(raw, 6).seed).toBe(6);
  });

  it('leaves the vars block and the input untouched', () => {
    const copy = structuredClone(raw);
    const out = resolveVars(raw);
    expect(raw).toEqual(copy);
    expect((out.value as typeof raw).vars).toEqual(raw.vars);
  });

  it('reports an unknown var with its path and the closest name', () => {
    const out = resolveVars({
      vars: { c2_port: { kind: 'port' } },
      host: { files: [{ content: 'x ${c2_prot}' }] },
    });
    expect(out.issues).toEqual([
      {
        path: ['host', 'files', 0, 'content'],
        message: 'unknown var "c2_prot" in ${c2_prot}',
        hint: 'did you mean ${c2_port}?',
      },
    ]);
  });

  it('never throws on odd input', () => {
    for (const v of [null, 3, 'x', [], { vars: 5 }, { vars: { a: 'nope' } }])
      expect(() => resolveVars(v)).not.toThrow();
  });
});
