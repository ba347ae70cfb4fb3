/**
 * Every simulated program the shell knows, by name, and where its module is.
 * A name that is neither here nor among the shell utilities gets bash's
 * `command not found`.
 *
 * Each module is imported on first use, so the browser fetches the code of
 * `ss` when the trainee first types `ss`, not the code of thirty programs
 * before the first prompt. Programs that share a module share its load.
 */
import type { Tool } from './types';

export interface ToolEntry {
  /** The name typed at the prompt (the loaded tool's `name`). */
  name: string;
  load(): Promise<Tool>;
}

type Loader = () => Promise<Tool>;

/** One import per module, remembered, so a module is fetched at most once. */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => {
    loaded ??= load();
    // A failed fetch (the network dropped) may be retried on the next use.
    loaded.catch(() => (loaded = undefined));
    return loaded;
  };
}

const entries: Array<[string, Loader]> = [
  ['ss', () => import('./ss/ss').then((m) => m.ssTool)],
  ['netstat', () => import('./netstat/netstat').then((m) => m.netstatTool)],
  ['lsof', () => import('./lsof/lsof').then((m) => m.lsofTool)],
  ['ip', () => import('./ip/ip').then((m) => m.ipTool)],
  ['iptables', () => import('./iptables/iptables').then((m) => m.iptablesTool)],
  ['ip6tables', () => import('./iptables/iptables').then((m) => m.ip6tablesTool)],
  ['iptables-save', () => import('./iptables/iptables-save').then((m) => m.iptablesSaveTool)],
  ['nft', () => import('./nft/nft').then((m) => m.nftTool)],
  ['ufw', () => import('./ufw/ufw').then((m) => m.ufwTool)],
  ['ps', () => import('./ps/ps').then((m) => m.psTool)],
  ['pstree', () => import('./pstree/pstree').then((m) => m.pstreeTool)],
  ['kill', () => import('./kill/kill').then((m) => m.killTool)],
  ['pkill', () => import('./kill/pkill').then((m) => m.pkillTool)],
  ['killall', () => import('./kill/pkill').then((m) => m.killallTool)],
  ['pgrep', () => import('./kill/pkill').then((m) => m.pgrepTool)],
  ['who', () => import('./who/who').then((m) => m.whoTool)],
  ['w', () => import('./w/w').then((m) => m.wTool)],
  ['last', () => import('./last/last').then((m) => m.lastTool)],
  ['lastb', () => import('./last/last').then((m) => m.lastbTool)],
  ['lastlog', () => import('./last/lastlog').then((m) => m.lastlogTool)],
  ['journalctl', () => import('./journalctl/journalctl').then((m) => m.journalctlTool)],
  ['crontab', () => import('./crontab/crontab').then((m) => m.crontabTool)],
  ['systemctl', () => import('./systemctl/systemctl').then((m) => m.systemctlTool)],
  ['conntrack', () => import('./conntrack/conntrack').then((m) => m.conntrackTool)],
  ['tcpdump', () => import('./tcpdump/tcpdump').then((m) => m.tcpdumpTool)],
  ['hostname', () => import('./hostinfo/identity').then((m) => m.hostnameTool)],
  ['uname', () => import('./hostinfo/identity').then((m) => m.unameTool)],
  ['id', () => import('./hostinfo/identity').then((m) => m.idTool)],
  ['whoami', () => import('./hostinfo/identity').then((m) => m.whoamiTool)],
  ['date', () => import('./hostinfo/date').then((m) => m.dateTool)],
  ['uptime', () => import('./hostinfo/uptime').then((m) => m.uptimeTool)],
  ['nproc', () => import('./sysinfo/small').then((m) => m.nprocTool)],
  ['tty', () => import('./sysinfo/small').then((m) => m.ttyTool)],
  ['free', () => import('./sysinfo/free').then((m) => m.freeTool)],
  ['hostnamectl', () => import('./sysinfo/hostnamectl').then((m) => m.hostnamectlTool)],
  ['getent', () => import('./sysinfo/getent').then((m) => m.getentTool)],
  ['dmesg', () => import('./sysinfo/dmesg').then((m) => m.dmesgTool)],
  ['resolvectl', () => import('./resolvectl/resolvectl').then((m) => m.resolvectlTool)],
];

export const tools: readonly ToolEntry[] = entries.map(([name, load]) => ({ name, load: once(load) }));

/** The entry for a typed name, if it is a simulated program. */
export function toolEntry(name: string): ToolEntry | undefined {
  return tools.find((t) => t.name === name);
}
