/**
 * Durations and counts that pace the world's generators: each hostile value
 * is refused at its field, with a fix, before the world is built. Without
 * the bounds these loaded, and `run` then took seconds to minutes.
 */
import { describe, expect, it } from 'vitest';
import { diagnostics, variant } from './flagship-variant.fixture';

const TOO_FAR = '4000d';

describe('the clock', () => {
  it('a history of centuries', () => {
    expect(diagnostics(variant(['  history: 24h\n', '  history: 100000d\n']))).toEqual([
      '42:12-42:19 history: 100000d reaches too far back; the logs can cover at most 366d'
      + ' | write the days the case needs, like 24h or 7d',
    ]);
  });

  it('a boot more than ten years ago', () => {
    expect(diagnostics(variant(['  boot: -9d\n', `  boot: -${TOO_FAR}\n`]))).toEqual([
      '41:9-41:15 boot: -4000d is more than 3650d (ten years) before now'
      + ' | write a boot time closer to now, like -9d',
    ]);
  });

  it('an entry more than ten years from now, and a duration of more than ten years', () => {
    const log = `  - { id: l, kind: log, at: -1h, lines: [{ after: ${TOO_FAR}, ident: x, message: y }] }\n`;
    expect(diagnostics(variant(['    at: -2h01m\n', '    at: -100000d\n'],
      ['  # Exfiltration,', `${log}  # Exfiltration,`]))).toEqual([
      '134:9-134:17 at: -100000d is more than 3650d (ten years) from now'
      + ' | write a time within the days the case covers, like -2h',
      '173:51-173:56 after: 4000d is longer than 3650d (ten years)'
      + ' | write a shorter after; a scenario covers days, not decades',
    ]);
  });
});

describe('a beacon', () => {
  it('checking in more than once a second', () => {
    expect(diagnostics(variant(['    interval: 60s\n', '    interval: 500ms\n']))).toEqual([
      '169:15-169:20 interval: 500ms is shorter than a second'
      + ' | write the time between check-ins, 1s or more, like 60s',
    ]);
  });

  it('with a jitter longer than its interval', () => {
    expect(diagnostics(variant(['    jitter: 7s\n', '    jitter: 600s\n']))).toEqual([
      '170:13-170:17 jitter: 600s is not shorter than interval: 60s, so a check-in would still'
      + ' be waiting when the next is due | write a jitter shorter than the interval, like 7s',
    ]);
  });

  it('whose tool waits for days', () => {
    expect(diagnostics(variant(['    timeout: 10s\n', '    timeout: 3000d\n']))).toEqual([
      '171:14-171:19 timeout: 3000d is not between 1s and 5m'
      + ' | write how long the tool waits for the C2, like 10s',
    ]);
  });

  it('checking in more often than the bound within the history', () => {
    const text = variant(['    at: -1h52m\n', '    at: -20d\n'], ['  history: 24h\n', '  history: 30d\n']);
    expect(diagnostics(text)).toEqual([
      "169:15-169:18 every 60s, this beacon checks in 28,800 times within the logs' history;"
      + ' the limit is 20,000 | write an interval of 1m27s or more, start it at -13d21h20m'
      + ' or later, or shorten clock.history',
    ]);
  });
});

describe('cron schedules', () => {
  const HOST_CRON = '  cron:\n    - { schedule: "* * * * *", command: /bin/true }\n'
    + '    - { schedule: "0 3 * * sun", command: /bin/true }\n  files:\n';
  const UNREAD = ' | write five numeric fields (minute hour day month weekday), like */5 * * * *'
    + ' or 0 3 * * 0, or a macro such as @hourly; names like mon or jan are not read';
  const OFTEN = "runs about 28,800 times within the logs' history; the limit is 20,000"
    + ' | run it less often (like */5 * * * *), or shorten clock.history';

  it('of the host: every minute since a boot 20 days ago, and one with a day name', () => {
    const text = variant(['  files:\n', HOST_CRON], ['  boot: -9d\n', '  boot: -20d\n'],
      ['  history: 24h\n', '  history: 30d\n']);
    expect(diagnostics(text)).toEqual([
      `94:19-94:30 "* * * * *" ${OFTEN}`,
      `95:19-95:32 "0 3 * * sun" is not a cron schedule Outbound can read${UNREAD}`,
    ]);
  });

  it('of a cron-job entry: every minute for 20 days, and a step of zero', () => {
    const jobs = '  - { id: j1, kind: cron-job, at: -20d, schedule: "* * * * *", command: /x }\n'
      + '  - { id: j2, kind: cron-job, at: -1h, schedule: "*/0 * * * *", command: /x }\n';
    const text = variant(['  # Exfiltration,', `${jobs}  # Exfiltration,`],
      ['  history: 24h\n', '  history: 30d\n']);
    expect(diagnostics(text)).toEqual([
      `173:51-173:62 "* * * * *" ${OFTEN}`,
      `174:50-174:63 "*/0 * * * *" is not a cron schedule Outbound can read${UNREAD}`,
    ]);
  });
});

describe('an exfil', () => {
  it('of nothing, at no rate', () => {
    const text = variant(['    volume: 1536MiB\n', '    volume: 0B\n'],
      ['    rate: 640KiB/s\n', '    rate: 0KiB/s\n']);
    expect(diagnostics(text)).toEqual([
      '182:13-182:15 volume: 0B sends nothing | write how much is sent, like 1536MiB',
      '183:11-183:17 rate: 0KiB/s never sends anything'
      + ' | write how fast the far end takes the data, like 640KiB/s',
    ]);
  });

  it('faster than any link', () => {
    expect(diagnostics(variant(['    rate: 640KiB/s\n', '    rate: 99999MiB/s\n']))).toEqual([
      "183:11-183:21 rate: 99999MiB/s is faster than 10240MiB/s, more than the host's link could carry"
      + ' | write how fast the far end takes the data, like 640KiB/s',
    ]);
  });
});
