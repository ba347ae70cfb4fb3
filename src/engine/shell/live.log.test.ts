import { describe, expect, it } from 'vitest';
import { cutMarker, LOG_KEEP, outputWasCut } from '../session/log-output';
import { STREAM_LOG_CHARS } from './live';
import { ctrlCAfter, growingLog, shellOn } from './testkit';

describe('the session log of a long stream', () => {
  it('keeps the latest million characters of what was streamed', async () => {
    // 20 KB a screen, ten screens a second, for ten seconds: 2 MB streamed.
    const { wall, signal } = ctrlCAfter(10_000);
    const s = shellOn(growingLog, wall);
    let streamed = 0;
    const r = await s.exec('watch -t -n 0.1 "printf %020000d 0"', { signal, onOutput: (t, screen) => { streamed += t.length + (screen ? 7 : 0); } });
    expect(r.exitCode).toBe(0);
    // Each screen: the clear the terminal does (ESC[H ESC[2J, 7 characters) and the 20,000 digits.
    expect(streamed).toBe(100 * 20_007);
    // The session log keeps only the start and end of that (session/log-output.ts).
    const logged = s.log().at(-1);
    const output = logged?.type === 'command' ? logged.output : '';
    expect(outputWasCut(output)).toBe(true);
    expect(output.length).toBeLessThanOrEqual(LOG_KEEP.head + LOG_KEEP.tail + cutMarker(STREAM_LOG_CHARS).length);
  });
});
