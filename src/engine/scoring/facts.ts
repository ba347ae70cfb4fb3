/**
 * The fact table: every fact a question's answer may name, what kind of
 * value it yields, which parameters it needs, the command that would show it
 * to the trainee, and how it is read from the world.
 *
 * Facts are read from `worldAt(now)`, the world at the moment the alert
 * fired, without the trainee's actions, so an answer is the same whatever the
 * trainee has killed since. An entity that only appears later is read at its
 * start. Because facts come from the world and not from literals in the
 * file, an answer stays right under any seed.
 */
import type { EntityRef } from '../scenario/types';
import type { HostState, Process } from '../world/types';
import { canonicalIp } from './address';
import { connectionTimes, medianGap } from './intervals';
import { fail, type Resolved, type ScenarioView, type Value, type ValueType } from './values';
import {
  connectedSocket, entityLogin, holders, listeningSocket, mainProcess, namedProcesses,
  searchWorlds, socketHolder,
} from './world-lookup';

export interface FactParams {
  of?: EntityRef;
  address?: string;
  port?: number;
}

export interface FactDef {
  /** What the fact is, for the reference docs and the editor's hover. */
  description: string;
  yields: ValueType;
  /** For set facts: the type of the members. */
  element?: 'pid' | 'ip' | 'port';
  needs: readonly ('of' | 'address' | 'port')[];
  /** The command that shows it to a trainee. */
  shownBy: string;
  resolve(view: ScenarioView, p: FactParams): Resolved;
}

const ok = (value: Value): Resolved => ({ ok: true, value });
const need = <T>(v: T | undefined, what: string): T | Resolved<never> =>
  v === undefined ? fail(what) : v;
const isFail = (v: unknown): v is Resolved<never> =>
  typeof v === 'object' && v !== null && 'ok' in v && (v as { ok: unknown }).ok === false;

function socketOf(world: HostState, ref: EntityRef) {
  return need(connectedSocket(world, ref), `entity "${ref.id}" has no connected socket`);
}

function processOf(world: HostState, ref: EntityRef) {
  return need(mainProcess(world, ref), `entity "${ref.id}" has no process`);
}

const baseName = (path: string) => (path.split('/').pop() ?? path).toLowerCase();

function spellings(p: Process): string[] {
  const names = [p.comm.toLowerCase(), baseName(p.exe)];
  const argv0 = p.argv[0];
  if (argv0 !== undefined && argv0 !== '') names.push(baseName(argv0.split(/\s+/)[0] ?? argv0));
  return names;
}

/**
 * The processes an analyst may name for an entity. A periodic entity's tool
 * (curl) lives only while it connects, so the worlds at its connection
 * starts are read too.
 */
function processNames(view: ScenarioView, ref: EntityRef): Resolved {
  const worlds = [view.worldAt(Math.max(view.now, ref.at))];
  if (!socketHolder(worlds[0] as HostState, ref)) {
    for (const t of connectionTimes(view, ref).slice(-3)) worlds.push(view.worldAt(t + 1));
  }
  const found = worlds.flatMap((w) => namedProcesses(w, ref));
  const held = worlds.map((w) => socketHolder(w, ref)).find((h) => h !== undefined);
  const main = held ?? found[0] ?? searchWorlds(view, ref, (w, r) => {
    const m = mainProcess(w, r);
    return m ? { ok: true as const, p: m } : { ok: false as const };
  }).p;
  if (!main) return fail(`entity "${ref.id}" has no process`);
  // The program itself in every spelling; the script or loop by its name only.
  const names = new Set([...spellings(main), ...found.map((f) => f.comm.toLowerCase())]);
  return ok({ type: 'process', name: main.comm, path: main.exe, names: [...names] });
}

const entityFact = (
  description: string,
  yields: ValueType,
  shownBy: string,
  read: (world: HostState, ref: EntityRef) => Resolved,
): FactDef => ({
  description,
  yields,
  needs: ['of'],
  shownBy,
  resolve: (view, p) => (p.of ? searchWorlds(view, p.of, read) : fail('needs `of`')),
});

const remoteAddress = (world: HostState, ref: EntityRef): Resolved => {
  const s = connectedSocket(world, ref);
  if (s) return ok({ type: 'ip', addr: s.remote.addr });
  const login = entityLogin(world, ref);
  const addr = login ? canonicalIp(login.host) : null;
  return addr !== null ? ok({ type: 'ip', addr }) : fail(`entity "${ref.id}" has no peer address`);
};

export const FACTS = {
  remote_address: entityFact(
    "The peer address of the entity's connection (or the source of its login).",
    'ip', 'ss -tnp', remoteAddress),
  remote_port: entityFact("The peer port of the entity's connection.", 'port', 'ss -tnp',
    (w, r) => { const s = socketOf(w, r); return isFail(s) ? s : ok({ type: 'port', port: s.remote.port }); }),
  remote_endpoint: entityFact("The peer address and port of the entity's connection.",
    'endpoint', 'ss -tnp', (w, r) => {
      const s = socketOf(w, r);
      return isFail(s) ? s : ok({ type: 'endpoint', addr: s.remote.addr, port: s.remote.port });
    }),
  local_address: entityFact("The local address of the entity's socket.", 'ip', 'ss -tanp',
    (w, r) => {
      const s = connectedSocket(w, r) ?? listeningSocket(w, r);
      return s ? ok({ type: 'ip', addr: s.local.addr }) : fail(`entity "${r.id}" has no socket`);
    }),
  local_port: entityFact("The local port of the entity's socket (its listening port).",
    'port', 'ss -tlnp', (w, r) => {
      const s = listeningSocket(w, r) ?? connectedSocket(w, r);
      return s ? ok({ type: 'port', port: s.local.port }) : fail(`entity "${r.id}" has no socket`);
    }),
  local_endpoint: entityFact("The local address and port of the entity's socket.", 'endpoint',
    'ss -tanp', (w, r) => {
      const s = connectedSocket(w, r) ?? listeningSocket(w, r);
      return s
        ? ok({ type: 'endpoint', addr: s.local.addr, port: s.local.port })
        : fail(`entity "${r.id}" has no socket`);
    }),
  pid: entityFact("The PID of the entity's main process.", 'pid', 'ss -tnp',
    (w, r) => { const p = processOf(w, r); return isFail(p) ? p : ok({ type: 'pid', pid: p.pid }); }),
  ppid: entityFact("The parent PID of the entity's main process.", 'pid', 'ps -ef',
    (w, r) => { const p = processOf(w, r); return isFail(p) ? p : ok({ type: 'pid', pid: p.ppid }); }),
  process_name: {
    description: "The name (comm) of the process that makes the entity's connections (or its"
      + ' main process); its path, and the names of its script or loop, are accepted too.',
    yields: 'process',
    needs: ['of'],
    shownBy: 'ss -tnp, ps -ef',
    resolve: (view, p) => (p.of ? processNames(view, p.of) : fail('needs `of`')),
  },
  user: entityFact("The account the entity's main process runs as.", 'text', 'ps -eo user,pid,cmd',
    (w, r) => {
      const p = processOf(w, r);
      if (isFail(p)) return p;
      const account = w.accounts.find((a) => a.uid === p.uid);
      return ok({ type: 'text', text: account ? account.name : String(p.uid) });
    }),
  bytes_sent: entityFact("Bytes the entity's connection has sent so far.", 'number', 'ss -tni',
    (w, r) => {
      const s = socketOf(w, r);
      if (isFail(s)) return s;
      return s.info ? ok({ type: 'number', value: s.info.bytesSent }) : fail(`no tcp_info on "${r.id}"`);
    }),
  interval: {
    description: "The period between the entity's connections, in seconds.",
    yields: 'duration',
    needs: ['of'],
    shownBy: 'ss -tnp (watched over time), tcpdump -n, journalctl',
    resolve: (view, p) => {
      if (!p.of) return fail('needs `of`');
      const gap = medianGap(connectionTimes(view, p.of));
      return gap === null
        ? fail(`entity "${p.of.id}" does not connect repeatedly`,
          'Use a periodic entity (a beacon), or give `{ var: ... }` for the interval.')
        : ok({ type: 'duration', seconds: gap });
    },
  },
  listening_pid: {
    description: 'The PID of the process that listens on a port.',
    yields: 'pid',
    needs: ['port'],
    shownBy: 'ss -tlnp',
    resolve: (view, p) => {
      const world = view.worldAt(view.now);
      const s = world.sockets.find((x) => x.state === 'LISTEN' && x.local.port === p.port);
      const holder = s ? holders(world, s.inode)[0] : undefined;
      return holder ? ok({ type: 'pid', pid: holder.pid }) : fail(`nothing listens on port ${p.port}`);
    },
  },
  pids_with_sockets_to: {
    description: 'Every PID that holds a socket connected to an address.',
    yields: 'set',
    element: 'pid',
    needs: ['address'],
    shownBy: 'ss -tnp dst ADDRESS, lsof -i @ADDRESS',
    resolve: (view, p) => {
      const world = view.worldAt(view.now);
      const pids = new Set<number>();
      for (const s of world.sockets) {
        if (s.remote.addr !== p.address || s.remote.port === 0) continue;
        for (const h of holders(world, s.inode)) pids.add(h.pid);
      }
      if (pids.size === 0) return fail(`no process holds a socket to ${p.address}`);
      const items: Value[] = [...pids].sort((a, b) => a - b).map((pid) => ({ type: 'pid', pid }));
      return ok({ type: 'set', element: 'pid', items });
    },
  },
  chronological: {
    description: "The question's options (entity ids) in the order the entities started.",
    yields: 'order',
    needs: [],
    shownBy: 'last, journalctl, ps -eo pid,lstart,cmd',
    resolve: () => fail('resolved by the order question itself'),
  },
} satisfies Record<string, FactDef>;

export type FactName = keyof typeof FACTS;
export const FACT_NAMES = Object.keys(FACTS) as [FactName, ...FactName[]];

export function factDef(name: string): FactDef | undefined {
  return Object.hasOwn(FACTS, name) ? (FACTS as Record<string, FactDef>)[name] : undefined;
}
