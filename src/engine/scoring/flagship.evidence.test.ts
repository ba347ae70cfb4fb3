import { describe, expect, it } from 'vitest';
import { loadScenario } from '../scenario/load';
import type { SessionEvent } from '../session/types';
import { createLabSession } from '../session/session';
import { createGrader } from './grader';
import { buildReport } from './report';
import { FLAGSHIP_TEXT, shellPid } from './flagship.test-support';

describe('evidence from a real lab session on the flagship', () => {
  it('credits answers the trainee saw in their own output and flags the others', { timeout: 60_000 }, async () => {
    const loaded = loadScenario(FLAGSHIP_TEXT, { seed: 99 });
    if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join('\n'));
    const scenario = loaded.scenario;
    const session = createLabSession({ scenario });
    await session.exec('sudo ss -tnp');
    await session.exec('last -i');
    const c2 = String(scenario.vars.get('c2_addr'));
    const at = scenario.now + 60_000;
    const answers: SessionEvent[] = [
      { type: 'answer', at, question: 'shell-endpoint', value: `${c2}:${scenario.vars.get('shell_port')}` },
      { type: 'answer', at, question: 'shell-pid', value: String(shellPid(scenario.worldAt(scenario.now))) },
      { type: 'answer', at, question: 'attacker-ip', value: String(scenario.vars.get('attacker_addr')) },
      { type: 'answer', at, question: 'victim-account', value: String(scenario.vars.get('victim_user')) },
      { type: 'answer', at, question: 'exfil-destination', value: `${c2}:${scenario.vars.get('exfil_port')}` },
    ];
    const log = [...session.log(), ...answers];
    const report = buildReport(createGrader(scenario, scenario.questions), log);
    const byId = new Map(report.questions.map((q) => [q.id, q]));
    expect(report.commands.map((c) => c.line)).toEqual(['sudo ss -tnp', 'last -i']);
    for (const id of ['shell-endpoint', 'shell-pid', 'attacker-ip', 'exfil-destination']) {
      expect(byId.get(id), id).toMatchObject({ status: 'right', withoutEvidence: false });
    }
    expect(byId.get('shell-endpoint')?.evidence).toMatchObject({ status: 'shown', command: 'sudo ss -tnp' });
    expect(byId.get('attacker-ip')?.evidence).toMatchObject({ status: 'shown', command: 'last -i' });
    expect(byId.get('victim-account')).toMatchObject({ status: 'right', evidence: { status: 'shown', command: 'last -i' } });
    // A choice is not something a tool prints: no flag either way.
    expect(byId.get('timing')?.evidence).toEqual({ status: 'not-applicable' });
  });
});
