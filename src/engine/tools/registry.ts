/**
 * Every simulated program the shell knows, by module. A name that is neither
 * here nor among the shell utilities gets bash's `command not found`.
 */
import { conntrackTool } from './conntrack/conntrack';
import { crontabTool } from './crontab/crontab';
import { dateTool } from './hostinfo/date';
import { hostnameTool, idTool, unameTool, whoamiTool } from './hostinfo/identity';
import { uptimeTool } from './hostinfo/uptime';
import { ipTool } from './ip/ip';
import { ip6tablesTool, iptablesTool } from './iptables/iptables';
import { iptablesSaveTool } from './iptables/iptables-save';
import { journalctlTool } from './journalctl/journalctl';
import { killTool } from './kill/kill';
import { killallTool, pgrepTool, pkillTool } from './kill/pkill';
import { lastTool } from './last/last';
import { lastlogTool } from './last/lastlog';
import { lsofTool } from './lsof/lsof';
import { netstatTool } from './netstat/netstat';
import { nftTool } from './nft/nft';
import { psTool } from './ps/ps';
import { pstreeTool } from './pstree/pstree';
import { ssTool } from './ss/ss';
import { systemctlTool } from './systemctl/systemctl';
import { tcpdumpTool } from './tcpdump/tcpdump';
import { ufwTool } from './ufw/ufw';
import { wTool } from './w/w';
import { whoTool } from './who/who';
import type { Tool } from './types';

export const tools: readonly Tool[] = [
  ssTool,
  netstatTool,
  lsofTool,
  ipTool,
  iptablesTool,
  ip6tablesTool,
  iptablesSaveTool,
  nftTool,
  ufwTool,
  psTool,
  pstreeTool,
  killTool,
  pkillTool,
  killallTool,
  pgrepTool,
  whoTool,
  wTool,
  lastTool,
  lastlogTool,
  journalctlTool,
  crontabTool,
  systemctlTool,
  conntrackTool,
  tcpdumpTool,
  hostnameTool,
  unameTool,
  idTool,
  whoamiTool,
  dateTool,
  uptimeTool,
];
