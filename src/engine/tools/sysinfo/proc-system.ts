/**
 * /proc/stat, /proc/cpuinfo and /proc/uptime from one CPU count and the
 * processes' CPU time: busy jiffies (USER_HZ 100) are what the processes
 * used, idle is the rest of uptime x CPUs; btime is the boot; processes is
 * the forks since boot (the pid counter's last pid, no wrap on a young host).
 */
import type { HostState } from '../../world/types';
import { cpuCount } from '../../world/kernel';

const FLAGS = 'fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush mmx fxsr ' +
  'sse sse2 ss syscall nx pdpe1gb rdtscp lm constant_tsc rep_good nopl xtopology cpuid tsc_known_freq ' +
  'pni pclmulqdq ssse3 fma cx16 pcid sse4_1 sse4_2 x2apic movbe popcnt tsc_deadline_timer aes xsave ' +
  'avx f16c rdrand hypervisor lahf_lm abm 3dnowprefetch fsgsbase bmi1 avx2 smep bmi2 erms invpcid ' +
  'avx512f avx512dq rdseed adx smap clflushopt clwb avx512cd avx512bw avx512vl xsaveopt xsavec xgetbv1 ' +
  'xsaves arat pku ospke avx512_vnni';

function cpuBlock(i: number, n: number): string {
  const rows: [string, string][] = [
    ['processor', String(i)], ['vendor_id', 'GenuineIntel'], ['cpu family', '6'], ['model', '85'],
    ['model name', 'Intel Xeon Processor (Cascadelake)'], ['stepping', '6'], ['microcode', '0x1'],
    ['cpu MHz', '2793.438'], ['cache size', '16384 KB'], ['physical id', '0'], ['siblings', String(n)],
    ['core id', String(i)], ['cpu cores', String(n)], ['apicid', String(i)], ['initial apicid', String(i)],
    ['fpu', 'yes'], ['fpu_exception', 'yes'], ['cpuid level', '13'], ['wp', 'yes'], ['flags', FLAGS],
    ['bugs', 'spectre_v1 spectre_v2 spec_store_bypass swapgs taa mmio_stale_data retbleed gds bhi'],
    ['bogomips', '5586.87'], ['clflush size', '64'], ['cache_alignment', '64'],
    ['address sizes', '40 bits physical, 48 bits virtual'],
  ];
  // The kernel pads the name with tabs to two tab stops.
  const line = ([k, v]: [string, string]) => `${k}${k.length < 8 ? '\t\t' : '\t'}: ${v}\n`;
  return rows.map(line).join('') + 'power management:\n\n';
}

export const cpuinfoText = (w: HostState): string =>
  Array.from({ length: cpuCount(w) }, (_, i) => cpuBlock(i, cpuCount(w))).join('');

const upSeconds = (w: HostState): number => Math.max(0, (w.now - w.host.bootTime) / 1000);
const busySeconds = (w: HostState): number => w.processes.reduce((n, p) => n + p.cpuSeconds, 0);

/** /proc/uptime: seconds up, and the seconds all CPUs spent idle. */
export function uptimeText(w: HostState): string {
  const up = upSeconds(w);
  const idle = Math.max(0, up * cpuCount(w) - busySeconds(w));
  return `${up.toFixed(2)} ${idle.toFixed(2)}\n`;
}

/** /proc/stat: the totals line, one line a CPU, then the counters. */
export function statText(w: HostState): string {
  const n = cpuCount(w);
  const jiffies = (s: number) => Math.floor(s * 100);
  const busy = busySeconds(w);
  const total = upSeconds(w) * n;
  const cpu = (share: number) => {
    const user = jiffies(busy * 0.62 * share);
    const system = jiffies(busy * 0.3 * share);
    const softirq = jiffies(busy * 0.03 * share);
    const iowait = jiffies(busy * 0.05 * share);
    const idle = Math.max(0, jiffies(total * share) - user - system - softirq - iowait);
    return [user, 0, system, idle, iowait, 0, softirq, 0, 0, 0];
  };
  const per = Array.from({ length: n }, () => cpu(1 / n));
  const sum = per.reduce((a, r) => a.map((x, i) => x + (r[i] ?? 0)), new Array<number>(10).fill(0));
  const lines = [`cpu  ${sum.join(' ')}`, ...per.map((r, i) => `cpu${i} ${r.join(' ')}`)];
  const up = upSeconds(w);
  const forks = w.lastPid ?? Math.max(0, ...w.processes.map((p) => p.pid));
  const running = Math.min(n, 1 + w.processes.filter((p) => p.stat.startsWith('R') && p.pid !== w.self).length);
  lines.push(`intr ${Math.floor(up * 180 * n)}`, `ctxt ${Math.floor(up * 420 * n + busy * 900)}`,
    `btime ${Math.floor(w.host.bootTime / 1000)}`, `processes ${forks}`, `procs_running ${running}`,
    'procs_blocked 0', `softirq ${Math.floor(up * 95 * n)}`);
  return lines.map((l) => `${l}\n`).join('');
}
