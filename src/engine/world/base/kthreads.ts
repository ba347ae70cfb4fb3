/**
 * The kernel threads of a 2-CPU virtual machine, as kthreadd starts them in
 * the first second of boot: pid 2 kthreadd, then the workqueues (I<), the
 * per-CPU threads (S) and the block/filesystem threads. They have no argv,
 * no exe and no memory of their own (VSZ and RSS 0); ps prints them as
 * [comm]. Their pids are below the first userspace pid.
 */
import type { BaseProcess } from '../base-types';
import type { BuildContext } from './context';

type KThread = [comm: string, stat: string];

const CPUS = 2;

function perCpu(cpu: number): KThread[] {
  const out: KThread[] = [];
  if (cpu > 0) out.push([`cpuhp/${cpu}`, 'S'], [`idle_inject/${cpu}`, 'S']);
  out.push([`migration/${cpu}`, 'S'], [`ksoftirqd/${cpu}`, 'S']);
  if (cpu === 0) out.push(['rcu_sched', 'I'], ['rcu_preempt', 'I']);
  out.push([`kworker/${cpu}:0H-events_highpri`, 'I<']);
  return out;
}

/** In pid order. */
export function kernelThreadList(): KThread[] {
  const out: KThread[] = [
    ['kthreadd', 'S'], ['rcu_gp', 'I<'], ['rcu_par_gp', 'I<'], ['slub_flushwq', 'I<'],
    ['netns', 'I<'], ['kworker/0:0-events', 'I'], ['mm_percpu_wq', 'I<'],
    ['rcu_tasks_rude_', 'I'], ['rcu_tasks_trace', 'I'],
    ['cpuhp/0', 'S'], ['idle_inject/0', 'S'],
  ];
  for (let cpu = 0; cpu < CPUS; cpu++) out.push(...perCpu(cpu));
  out.push(
    ['kdevtmpfs', 'S'], ['inet_frag_wq', 'I<'], ['kauditd', 'S'], ['khungtaskd', 'S'],
    ['oom_reaper', 'S'], ['writeback', 'I<'], ['kcompactd0', 'S'], ['ksmd', 'SN'],
    ['khugepaged', 'SN'], ['kintegrityd', 'I<'], ['kblockd', 'I<'], ['blkcg_punt_bio', 'I<'],
    ['tpm_dev_wq', 'I<'], ['ata_sff', 'I<'], ['md', 'I<'], ['edac-poller', 'I<'],
    ['devfreq_wq', 'I<'], ['watchdogd', 'S'], ['kworker/1:1H-kblockd', 'I<'],
    ['kswapd0', 'S'], ['kthrotld', 'I<'], ['acpi_thermal_pm', 'I<'], ['scsi_eh_0', 'S'],
    ['scsi_tmf_0', 'I<'], ['vfio-irqfd-clea', 'I<'], ['mld', 'I<'],
    ['kworker/0:1H-kblockd', 'I<'], ['ipv6_addrconf', 'I<'], ['kstrp', 'I<'],
    ['zswap-shrink', 'I<'], ['charger_manager', 'I<'], ['jbd2/vda1-8', 'S'],
    ['ext4-rsv-conver', 'I<'], ['kworker/0:1-events', 'I'], ['kworker/1:1-events', 'I'],
    ['kworker/u4:0-events_unbound', 'I'], ['kworker/1:0-mm_percpu_wq', 'I'],
  );
  return out;
}

/** Pushes the kernel threads into the context, reserving their pids. */
export function buildKernelThreads(ctx: BuildContext): void {
  let pid = 2;
  let delay = 0;
  for (const [comm, stat] of kernelThreadList()) {
    while (ctx.ids.pids.isUsed(pid)) pid++;
    ctx.ids.pids.reserve(pid);
    const proc: BaseProcess = {
      pid, ppid: pid === 2 ? 0 : 2, uid: 0, gid: 0, comm, argv: [], exe: '',
      cwd: '/', env: [], tty: null, stat, startTime: ctx.boot + delay, vsz: 0, rss: 0,
      cpuSeconds: 0, fds: [],
    };
    ctx.processes.push(proc);
    pid += comm.startsWith('jbd2') ? 40 : 1;
    delay += 4;
  }
}
