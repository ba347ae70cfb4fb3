import { describe, expect, it } from 'vitest';
import { loadScenario } from '../scenario/load';
import type { CompiledScenario } from '../scenario/types';
import { createLabSession } from '../session/session';
import type { LabSession, SessionEvent } from '../session/types';
import { createGrader } from './grader';
import { buildReport, type QuestionReport } from './report';
import { FLAGSHIP_TEXT } from './flagship.test-support';

function flagshipScenario(): CompiledScenario {
  const loaded = loadScenario(FLAGSHIP_TEXT, { seed: 21 });
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join('\n'));
  return loaded.scenario;
}

/** The PIDs the c2-sockets question expects, as the grader resolved them. */
function c2Pids(scenario: CompiledScenario): number[] {
  const g = createGrader(scenario, scenario.questions).byId.get('c2-sockets');
  const e = g?.expected;
  if (e?.mode !== 'value' || e.value.type !== 'set') throw new Error('c2-sockets is not a set of values');
  return e.value.items.map((i) => (i.type === 'pid' ? i.pid : NaN));
}

/** The report's c2-sockets row after answering it with every PID, right now. */
function answerSockets(scenario: CompiledScenario, session: LabSession, pids: number[]): QuestionReport {
  const answer: SessionEvent = {
    type: 'answer', at: session.clock.now(), question: 'c2-sockets', value: pids.join(', '),
  };
  const report = buildReport(createGrader(scenario, scenario.questions), [...session.log(), answer]);
  return report.questions.find((q) => q.id === 'c2-sockets')!;
}

describe('evidence for a set answer on the flagship', () => {
  it('credits the command that showed the PIDs, not the last one run', { timeout: 60_000 }, async () => {
    const scenario = flagshipScenario();
    const pids = c2Pids(scenario);
    const session = createLabSession({ scenario });
    await session.exec('hostname');
    await session.exec('sudo ss -tnp');
    await session.exec('sudo ufw status');
    const q = answerSockets(scenario, session, pids);
    expect(q.status).toBe('right');
    expect(q.evidence).toMatchObject({ status: 'shown', command: 'sudo ss -tnp', commands: [{ command: 'sudo ss -tnp' }] });
  });

  it('names every command it took to show them all, the one that showed most first', { timeout: 60_000 }, async () => {
    const scenario = flagshipScenario();
    const pids = c2Pids(scenario);
    expect(pids.length).toBeGreaterThan(1);
    const session = createLabSession({ scenario });
    const [first, ...rest] = pids;
    const one = `ps -o pid= -p ${first}`;
    const others = `ps -o pid= -p ${rest.join(',')}`;
    await session.exec(one);
    await session.exec(others);
    await session.exec('sudo ufw status');
    const q = answerSockets(scenario, session, pids);
    const credited = q.evidence.status === 'shown' ? q.evidence.commands.map((c) => c.command) : [];
    expect(credited).toEqual(rest.length > 1 ? [others, one] : [one, others]);
  });

  it('names no command when none showed them', { timeout: 60_000 }, async () => {
    const scenario = flagshipScenario();
    const session = createLabSession({ scenario });
    await session.exec('hostname');
    await session.exec('sudo ufw status');
    const q = answerSockets(scenario, session, c2Pids(scenario));
    expect(q).toMatchObject({ status: 'right', evidence: { status: 'not-shown' }, withoutEvidence: true });
    expect(q.evidence).not.toHaveProperty('cut');
  });
});

describe('evidence after huge outputs on the flagship', () => {
  it('still names the right commands from a small log', { timeout: 90_000 }, async () => {
    const scenario = flagshipScenario();
    const session = createLabSession({ scenario });
    await session.exec('seq 1000000');
    await session.exec('sudo ss -tnp');
    for (let i = 0; i < 2; i++) await session.exec('seq 1000000');
    expect(JSON.stringify(session.log()).length).toBeLessThan(100_000);
    const q = answerSockets(scenario, session, c2Pids(scenario));
    expect(q.evidence).toMatchObject({ status: 'shown', command: 'sudo ss -tnp' });
  });

  it('does not flag an answer whose value was only in the part of an output the log did not keep', { timeout: 90_000 }, async () => {
    const scenario = flagshipScenario();
    const session = createLabSession({ scenario });
    await session.exec('seq 100000; sudo ss -tnp; seq 100000');
    const q = answerSockets(scenario, session, c2Pids(scenario));
    expect(q).toMatchObject({ status: 'right', evidence: { status: 'not-shown', cut: true }, withoutEvidence: false });
  });
});
