import { describe, expect, it } from 'vitest';
import { loadScenario } from '../scenario/load';
import type { SessionEvent } from '../session/types';
import { createLabSession } from '../session/session';
import { createGrader } from './grader';
import { replayLog } from './grade';
import { FLAGSHIP_TEXT, shellPid } from './flagship.test-support';

describe('response actions typed in a real lab session on the flagship', () => {
  it('pass the state checks only once the trainee has acted', { timeout: 60_000 }, async () => {
    const loaded = loadScenario(FLAGSHIP_TEXT, { seed: 5 });
    if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join('\n'));
    const scenario = loaded.scenario;
    const grader = createGrader(scenario, scenario.questions);
    const session = createLabSession({ scenario });
    const c2 = String(scenario.vars.get('c2_addr'));
    const ask = (at: number): SessionEvent[] => [
      { type: 'answer', at, question: 'end-c2-connections', value: 'done' },
      { type: 'answer', at, question: 'block-c2', value: 'done' },
    ];
    const status = (log: SessionEvent[]) =>
      replayLog(grader, log).questions.filter((q) => q.id === 'end-c2-connections' || q.id === 'block-c2')
        .map((q) => q.status);

    expect(status([...session.log(), ...ask(session.clock.now())])).toEqual(['open', 'open']);

    const world = scenario.worldAt(session.clock.now());
    const nc = world.processes.find((p) => p.origin === 'exfil' && p.comm === 'nc')?.pid;
    await session.exec(`sudo iptables -I OUTPUT -d ${c2} -j DROP`);
    await session.exec(`sudo kill -9 ${shellPid(world)} ${nc}`);
    const log = [...session.log()];
    expect(log.filter((e) => e.type === 'world').length).toBeGreaterThanOrEqual(2);
    expect(status([...log, ...ask(session.clock.now() + 1)])).toEqual(['right', 'right']);
  });
});
