import { describe, expect, it } from 'vitest';
import { followFlags } from './journal-follow';

describe('followFlags reads -f and -e as journalctl parses its words', () => {
  it('finds -f in bundles and long forms, not in option values', () => {
    expect(followFlags(['-f'])).toEqual({ follow: true, pagerEnd: false });
    expect(followFlags(['-fu', 'cron'])).toEqual({ follow: true, pagerEnd: false });
    expect(followFlags(['-xef'])).toEqual({ follow: true, pagerEnd: true });
    expect(followFlags(['--follow', '--pager-end'])).toEqual({ follow: true, pagerEnd: true });
    expect(followFlags(['-u', '-f'])).toEqual({ follow: false, pagerEnd: false });
    expect(followFlags(['-uf'])).toEqual({ follow: false, pagerEnd: false });
    expect(followFlags(['--unit', '-f', '-g', 'fail'])).toEqual({ follow: false, pagerEnd: false });
    expect(followFlags(['--grep=-f', 'SYSLOG_IDENTIFIER=f'])).toEqual({ follow: false, pagerEnd: false });
    expect(followFlags(['-n5f'])).toEqual({ follow: false, pagerEnd: false });
  });
});
