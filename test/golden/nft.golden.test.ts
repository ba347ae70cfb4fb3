import { afterAll, describe, expect, it } from 'vitest';
import { web01 } from '../fixtures/web01';
import { lineShare, normalise, readCapture, rootContext } from './helpers';
import { nftTool } from '../../src/engine/tools/nft/nft';

const share = { same: 0, total: 0 };

describe('nft against captures', () => {
  it('nft-ruleset.txt', () => {
    const cap = readCapture('nft-ruleset.txt');
    const res = nftTool.run(rootContext(web01(), cap.argv));
    const got = normalise(res.stdout);
    const s = lineShare(got, cap.output);
    share.same += s.same;
    share.total += s.total;
    expect(res.stderr).toBe('');
    expect(got).toBe(cap.output);
  });
  afterAll(() => {
    console.log(`nft golden: ${share.same}/${share.total} lines identical`);
  });
});
