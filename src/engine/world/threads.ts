/**
 * The threads (tasks) of a process as /proc/PID/task, ps -L and pstree see
 * them: the main thread first (tid = pid, the process's comm), then the
 * others in the order they started. The process's CPU time is shared among
 * them: each other thread has an equal share, the main thread the rest.
 */
import type { Process } from './types';

export interface Task {
  tid: number;
  comm: string;
  /** CPU seconds this thread used. */
  cpuSeconds: number;
}

/** NLWP: how many threads the process has. */
export function threadCount(p: Process): number {
  return 1 + (p.threads?.length ?? 0);
}

/** Every thread of the process, the main one first. */
export function tasksOf(p: Process): Task[] {
  const n = threadCount(p);
  const share = p.cpuSeconds / n;
  const others = (p.threads ?? []).map((t) => ({ tid: t.tid, comm: t.comm, cpuSeconds: share }));
  return [{ tid: p.pid, comm: p.comm, cpuSeconds: p.cpuSeconds - share * (n - 1) }, ...others];
}

/** The task with id `tid` of the process, if it has one. */
export function taskOf(p: Process, tid: number): Task | undefined {
  return tasksOf(p).find((t) => t.tid === tid);
}

/**
 * A thread seen as a process row (ps -L, H): the process's fields with the
 * thread's name and CPU time.
 */
export function taskAsProcess(p: Process, t: Task): Process {
  return t.tid === p.pid && t.comm === p.comm && t.cpuSeconds === p.cpuSeconds
    ? p
    : { ...p, comm: t.comm, cpuSeconds: t.cpuSeconds };
}
