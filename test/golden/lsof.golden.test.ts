/**
 * lsof 4.95 against the captures, run as root on web01(). The captures
 * were taken inside the host's network namespace (see CAPTURES.md), which
 * is the view the simulator gives. The -p listing's cwd/rtd/txt/mem sizes
 * and inodes are the ones stat shows (src/engine/world/disk.ts, the captured host's on debian-12).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { web01 } from '../fixtures/web01';
import { lsofTool } from '../../src/engine/tools/lsof/lsof';
import { ShareReport, normalise, readCapture, rootContext } from './helpers';

const report = new ShareReport('lsof');
afterAll(() => report.print());

const FILES = ['lsof-estab.txt', 'lsof-i.txt', 'lsof-i4444.txt', 'lsof-listen.txt', 'lsof-p.txt'];

describe('lsof golden', () => {
  for (const file of FILES) {
    it(file, () => {
      const cap = readCapture(file);
      const r = lsofTool.run(rootContext(web01(), cap.argv));
      const actual = normalise(r.stdout);
      report.add(actual, cap.output);
      expect(r.stderr).toBe('');
      expect(actual).toBe(cap.output);
    });
  }
});
