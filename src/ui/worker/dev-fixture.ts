// TEMPORARY (not committed): the captured host as a lab, until scenarios/ exists.
import { web01Scenario } from '../../../test/fixtures/web01-scenario';
export function devScenario() {
  const s = web01Scenario();
  return { ...s, meta: { ...s.meta, briefing: 'Dev fixture.' }, questions: [
    { id: 'attacker_ip', kind: 'ip', prompt: 'From which address did the attacker log in?', points: 10, attempts: 3, hints: [{ text: 'who', cost: 2 }], answer: { value: '203.0.113.45' } },
    { id: 'c2_port', kind: 'port', prompt: 'Which port does the reverse shell connect to?', points: 10, attempts: 3, hints: [], answer: { value: '4444' } },
  ] };
}
