/**
 * Turns ss's parsed options and state words into the set of socket tables,
 * families and states to show, following ss 6.1's main(): each table has
 * default states and families, -4/-6/-x/-f add families, -a/-l replace the
 * states, and missing tables or families are filled in from the others.
 */
import { SS, SS_ALL, SS_CONN, scanState } from './states';

export const DB = {
  TCP: 0,
  MPTCP: 1,
  DCCP: 2,
  UDP: 3,
  RAW: 4,
  UNIX_DG: 5,
  UNIX_ST: 6,
  UNIX_SQ: 7,
  PACKET_DG: 8,
  PACKET_R: 9,
  NETLINK: 10,
  SCTP: 11,
  VSOCK_ST: 12,
  VSOCK_DG: 13,
  TIPC: 14,
  XDP: 15,
  MAX: 16,
} as const;

export type AfName = 'inet' | 'inet6' | 'unix' | 'packet' | 'netlink' | 'vsock' | 'tipc' | 'xdp';

const b = (n: number): number => 1 << n;
const CLOSE = b(SS.CLOSE);
const INET_FAMS: AfName[] = ['inet', 'inet6'];
const UNIX_DBM = b(DB.UNIX_DG) | b(DB.UNIX_ST) | b(DB.UNIX_SQ);
const INET_DBM = b(DB.TCP) | b(DB.MPTCP) | b(DB.UDP) | b(DB.DCCP) | b(DB.SCTP) | b(DB.RAW);
const TIPC_CONN = b(SS.ESTABLISHED) | b(SS.LISTEN) | b(SS.CLOSE);

const DB_DEFAULTS: { states: number; families: AfName[] }[] = [
  { states: SS_CONN, families: INET_FAMS },
  { states: SS_CONN, families: INET_FAMS },
  { states: SS_CONN, families: INET_FAMS },
  { states: b(SS.ESTABLISHED), families: INET_FAMS },
  { states: b(SS.ESTABLISHED), families: INET_FAMS },
  { states: CLOSE, families: ['unix'] },
  { states: SS_CONN, families: ['unix'] },
  { states: SS_CONN, families: ['unix'] },
  { states: CLOSE, families: ['packet'] },
  { states: CLOSE, families: ['packet'] },
  { states: CLOSE, families: ['netlink'] },
  { states: SS_CONN, families: INET_FAMS },
  { states: SS_CONN, families: ['vsock'] },
  { states: SS_CONN, families: ['vsock'] },
  { states: TIPC_CONN, families: ['tipc'] },
  { states: CLOSE, families: ['xdp'] },
];

const AF_DEFAULTS: Record<AfName, { dbs: number; states: number }> = {
  inet: { dbs: INET_DBM, states: SS_CONN },
  inet6: { dbs: INET_DBM, states: SS_CONN },
  unix: { dbs: UNIX_DBM, states: SS_CONN },
  packet: { dbs: b(DB.PACKET_DG) | b(DB.PACKET_R), states: CLOSE },
  netlink: { dbs: b(DB.NETLINK), states: CLOSE },
  vsock: { dbs: b(DB.VSOCK_ST) | b(DB.VSOCK_DG), states: SS_CONN },
  tipc: { dbs: b(DB.TIPC), states: TIPC_CONN },
  xdp: { dbs: b(DB.XDP), states: CLOSE },
};

const DB_NAMES: Record<string, number[]> = {
  all: [
    DB.UDP,
    DB.DCCP,
    DB.TCP,
    DB.MPTCP,
    DB.RAW,
    DB.UNIX_ST,
    DB.UNIX_DG,
    DB.UNIX_SQ,
    DB.PACKET_R,
    DB.PACKET_DG,
    DB.NETLINK,
    DB.SCTP,
    DB.VSOCK_ST,
    DB.VSOCK_DG,
    DB.XDP,
  ],
  inet: [DB.UDP, DB.DCCP, DB.TCP, DB.MPTCP, DB.SCTP, DB.RAW],
  udp: [DB.UDP],
  dccp: [DB.DCCP],
  tcp: [DB.TCP],
  mptcp: [DB.MPTCP],
  sctp: [DB.SCTP],
  raw: [DB.RAW],
  unix: [DB.UNIX_ST, DB.UNIX_DG, DB.UNIX_SQ],
  unix_stream: [DB.UNIX_ST],
  u_str: [DB.UNIX_ST],
  unix_dgram: [DB.UNIX_DG],
  u_dgr: [DB.UNIX_DG],
  unix_seqpacket: [DB.UNIX_SQ],
  u_seq: [DB.UNIX_SQ],
  packet: [DB.PACKET_R, DB.PACKET_DG],
  packet_raw: [DB.PACKET_R],
  p_raw: [DB.PACKET_R],
  packet_dgram: [DB.PACKET_DG],
  p_dgr: [DB.PACKET_DG],
  netlink: [DB.NETLINK],
  tipc: [DB.TIPC],
  vsock: [DB.VSOCK_ST, DB.VSOCK_DG],
  vsock_stream: [DB.VSOCK_ST],
  v_str: [DB.VSOCK_ST],
  vsock_dgram: [DB.VSOCK_DG],
  v_dgr: [DB.VSOCK_DG],
  xdp: [DB.XDP],
};

/** The mutable filter ss builds while reading its options. */
export class Query {
  dbs = 0;
  states = 0;
  families = new Set<AfName>();
  doDefault = true;
  stateFilter = 0;
  preferred: AfName | undefined;
  private sawQuery = false;

  setDb(db: number, enable: boolean): void {
    if (enable) {
      this.states |= (DB_DEFAULTS[db] as { states: number }).states;
      this.dbs |= b(db);
    } else {
      this.dbs &= ~b(db);
    }
    this.doDefault = false;
  }

  setAf(af: AfName): void {
    this.states |= AF_DEFAULTS[af].states;
    this.families.add(af);
    this.doDefault = false;
    this.preferred = af;
  }

  /** -A/--query: a comma list of table names; false on an unknown name. */
  parseDbList(list: string): string | undefined {
    if (!this.sawQuery) {
      this.dbs = 0;
      this.stateFilter = this.stateFilter || SS_CONN;
      this.sawQuery = true;
      this.doDefault = false;
    }
    for (const raw of list.split(',')) {
      if (!this.parseDb(raw)) return raw;
    }
    return undefined;
  }

  parseDb(raw: string): boolean {
    const enable = !raw.startsWith('!');
    const name = enable ? raw : raw.slice(1);
    const dbs = Object.prototype.hasOwnProperty.call(DB_NAMES, name) ? DB_NAMES[name] : undefined;
    if (!dbs) return false;
    for (const db of dbs) this.setDb(db, enable);
    return true;
  }

  /**
   * The state words at the start of the operands ("state X", "exclude X").
   * Returns the rest, or the word that is not a state name.
   */
  takeStates(operands: string[]): { rest: string[] } | { wrong: string } | { incomplete: true } {
    let i = 0;
    let saw = false;
    while (i < operands.length) {
      const w = operands[i] as string;
      const isState = w === 'state';
      if (!isState && w !== 'exclude' && w !== 'excl') break;
      const arg = operands[i + 1];
      if (arg === undefined) return { incomplete: true };
      const bits = scanState(arg);
      if (bits === undefined) return { wrong: arg };
      if (!saw) this.stateFilter = isState ? 0 : SS_ALL;
      this.stateFilter = isState ? this.stateFilter | bits : this.stateFilter & ~bits;
      saw = true;
      i += 2;
    }
    return { rest: operands.slice(i) };
  }

  /** Apply defaults once options and state words are read. */
  finish(): void {
    if (this.doDefault) {
      this.stateFilter = this.stateFilter || SS_CONN;
      this.parseDb('all');
    }
    if (this.stateFilter) this.states = this.stateFilter;
    for (let db = 0; db < DB.MAX; db++) {
      if (!(this.dbs & b(db))) continue;
      const fams = (DB_DEFAULTS[db] as { families: AfName[] }).families;
      if (!fams.some((f) => this.families.has(f))) fams.forEach((f) => this.families.add(f));
    }
    for (const af of Object.keys(AF_DEFAULTS) as AfName[]) {
      if (this.families.has(af) && !(AF_DEFAULTS[af].dbs & this.dbs)) {
        this.dbs |= AF_DEFAULTS[af].dbs;
      }
    }
  }

  has(db: number): boolean {
    return (this.dbs & b(db)) !== 0;
  }

  wantsState(state: number): boolean {
    return (this.states & b(state)) !== 0;
  }
}
