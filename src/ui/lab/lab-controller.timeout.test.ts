import { describe, expect, it, vi } from 'vitest';
import type { EngineClient } from '../worker/client';
import { LabController } from './lab-controller';

/** A worker that never answers `open` the first time, then opens an unknown scenario. */
function stuckClient(): { client: EngineClient; restart: ReturnType<typeof vi.fn> } {
  let opens = 0;
  const restart = vi.fn();
  const client = {
    request: (r: { type: string }) => {
      if (r.type !== 'open') return new Promise(() => undefined);
      opens += 1;
      return opens === 1 ? new Promise(() => undefined) : Promise.resolve({ kind: 'unknown', id: 'lab', known: [] });
    },
    restart, abort: vi.fn(), dispose: vi.fn(),
  } as unknown as EngineClient;
  return { client, restart };
}

describe('starting the lab', () => {
  it('times out with a message instead of hanging, and Restart opens again', async () => {
    const { client, restart } = stuckClient();
    const lab = new LabController('lab', 1, 20, client);
    await lab.start();
    expect(lab.getSnapshot().phase).toEqual({ kind: 'failed', message: 'the simulated host did not start within 1 s' });
    expect(restart).toHaveBeenCalledTimes(1);
    await lab.restart();
    expect(lab.getSnapshot().phase).toEqual({ kind: 'unknown', id: 'lab', known: [] });
  });
});
