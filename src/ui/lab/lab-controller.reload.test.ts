import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Terminal } from '@xterm/xterm';
import type { EngineClient } from '../worker/client';
import type { OpenedLab, Request } from '../worker/protocol';
import { loadSave } from '../storage/lab-storage';
import { createLabSession } from '../../engine/session/session';
import { web01Scenario } from '../../../test/fixtures/web01-scenario';
import { LabController } from './lab-controller';

const scenario = web01Scenario();
const NOW = scenario.now;
const LINE = 'tail -n 0 -f /var/log/auth.log';
const PROMPT = 'trainee@web01:~$ ';

function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
    clear: () => data.clear(),
    key: (i: number) => [...data.keys()][i] ?? null,
    get length() {
      return data.size;
    },
  };
}

/** A worker whose `exec` streams one log line and then runs until the page goes away. */
function followingClient(requests: Request[]): EngineClient {
  const lab = {
    meta: {}, seed: 7, questions: [], prompt: PROMPT, history: ['ss -tnp'], log: [], warnings: [],
    clock: { now: NOW, speed: 60, wall: Date.now() },
    grades: { questions: [], score: { earned: 0, possible: 0, percent: 0, passingScore: 0, passed: false } },
  } as unknown as OpenedLab;
  return {
    request: (r: Request, onOutput?: (text: string) => void) => {
      requests.push(r);
      if (r.type === 'open') return Promise.resolve({ kind: 'opened', lab });
      if (r.type === 'exec') {
        queueMicrotask(() => onOutput?.('Dec  4 13:29:01 web01 CRON[4242]: pam_unix(cron:session): x\n'));
        return new Promise((_, reject) => (rejectExec = reject));
      }
      return new Promise(() => undefined);
    },
    restart: vi.fn(), abort: vi.fn(),
    dispose: () => rejectExec?.(new Error('closed')),
  } as unknown as EngineClient;
}
let rejectExec: ((e: Error) => void) | undefined;

const fakeTerm = { cols: 80, reset: () => undefined, write: (_: string, done?: () => void) => done?.() } as unknown as Terminal;

async function startFollowing(requests: Request[]): Promise<LabController> {
  const lab = new LabController('web01', 7, 1000, followingClient(requests));
  await lab.start();
  lab.attach(fakeTerm);
  lab.feed(`${LINE}\r`);
  await new Promise((r) => setTimeout(r, 0));
  return lab;
}

describe('a command running when the page goes away', () => {
  beforeEach(() => vi.stubGlobal('localStorage', memoryStorage()));
  afterEach(() => vi.unstubAllGlobals());

  it('is saved as if Ctrl-C had stopped it: log, transcript and history', async () => {
    const lab = await startFollowing([]);
    expect(lab.busy).toBe(true);
    lab.save(); // what the page does on pagehide
    const saved = loadSave('web01', 7);
    if (saved.status !== 'ok') throw new Error(saved.status);
    const command = saved.save.events.at(-1);
    if (command?.type !== 'command') throw new Error(`no command saved: ${JSON.stringify(command)}`);
    expect(command).toMatchObject({ line: LINE, exitCode: 130 });
    expect(command.output).toBe('Dec  4 13:29:01 web01 CRON[4242]: pam_unix(cron:session): x\n');
    expect(command.at).toBeGreaterThanOrEqual(NOW);
    expect(saved.save.clock.now).toBeGreaterThanOrEqual(command.at);
    expect(saved.save.transcript).toEqual([
      { prompt: PROMPT, line: LINE, output: 'Dec  4 13:29:01 web01 CRON[4242]: pam_unix(cron:session): x\n^C\n' },
    ]);

    // The next page sends that log to the engine, which replays the command into the history.
    const requests: Request[] = [];
    const next = new LabController('web01', 7, 1000, followingClient(requests));
    await next.start();
    const open = requests.find((r) => r.type === 'open');
    expect(open).toMatchObject({ restore: saved.save.events, at: saved.save.clock.now });
    const session = createLabSession({ scenario, restore: saved.save.events, at: saved.save.clock.now });
    await session.exec('true');
    expect(session.history()).toEqual([LINE, 'true']);
    expect(session.log()[0]).toMatchObject({ type: 'command', line: LINE });
  });

  it('closing the lab saves it the same way, not as a failed command', async () => {
    const lab = await startFollowing([]);
    lab.dispose();
    await new Promise((r) => setTimeout(r, 0));
    const saved = loadSave('web01', 7);
    if (saved.status !== 'ok') throw new Error(saved.status);
    expect(saved.save.events.map((e) => e.type === 'command' && [e.line, e.exitCode])).toEqual([[LINE, 130]]);
    expect(saved.save.transcript.map((t) => t.output)).toEqual([expect.stringMatching(/\^C\n$/)]);
  });
});
