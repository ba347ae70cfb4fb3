/**
 * Accounts and groups: the profile's system accounts (with baseline
 * standard), the scenario's users with their private groups, and the extra
 * groups and memberships they name.
 */
import type { Account, Group } from '../types';
import type { SystemAccount } from '../profile-accounts';
import type { BuildContext } from './context';

function nextFree(used: Iterable<number>, from = 1000): number {
  const taken = new Set(used);
  let n = from;
  while (taken.has(n)) n++;
  return n;
}

export function addGroup(ctx: BuildContext, name: string, gid?: number): Group {
  const existing = ctx.groups.get(name);
  if (existing) return existing;
  const group: Group = {
    name,
    gid: gid ?? nextFree([...ctx.groups.values()].map((g) => g.gid)),
    members: [],
  };
  ctx.groups.set(name, group);
  return group;
}

/** Adds a system account the profile or a service brings, with its group. */
export function addSystemAccount(ctx: BuildContext, a: SystemAccount): void {
  if (ctx.accounts.has(a.name)) return;
  ctx.accounts.set(a.name, { ...a, groups: [] });
  if (![...ctx.groups.values()].some((g) => g.gid === a.gid)) addGroup(ctx, a.name, a.gid);
}

export interface NewUser {
  name: string;
  uid?: number;
  gid?: number;
  gecos?: string;
  home?: string;
  shell?: string;
  groups?: string[];
}

/** Adds a login user with a private group named after it. */
export function addUser(ctx: BuildContext, u: NewUser, path: (string | number)[]): Account {
  const existing = ctx.accounts.get(u.name);
  if (existing) {
    ctx.sink.error(
      path,
      `user "${u.name}" is declared twice (or is a system account)`,
      'remove one',
    );
    return existing;
  }
  const uids = [...ctx.accounts.values()].map((a) => a.uid);
  const uid = u.uid ?? nextFree(uids);
  if (u.uid !== undefined && uids.includes(u.uid))
    ctx.sink.warn([...path, 'uid'], `uid ${u.uid} is already used`);
  const gids = [...ctx.groups.values()].map((g) => g.gid);
  let gid = u.gid;
  if (gid === undefined) gid = addGroup(ctx, u.name, nextFree(gids, uid)).gid;
  else if (!gids.includes(gid)) addGroup(ctx, u.name, gid);
  const home = u.home ?? (u.name === 'root' ? '/root' : `/home/${u.name}`);
  const account: Account = {
    name: u.name,
    uid,
    gid,
    gecos: u.gecos ?? '',
    home,
    shell: u.shell ?? '/bin/bash',
    groups: [...(u.groups ?? [])],
  };
  ctx.accounts.set(u.name, account);
  return account;
}

/** Adds memberships for the accounts' supplementary groups; unknown groups are issues. */
export function linkMemberships(ctx: BuildContext): void {
  ctx.doc.host.users.forEach((u, i) => {
    (u.groups ?? []).forEach((name, j) => {
      const group = ctx.groups.get(name);
      if (!group) {
        ctx.sink.error(
          ['host', 'users', i, 'groups', j],
          `unknown group "${name}"`,
          'declare it under host.groups',
        );
        return;
      }
      if (!group.members.includes(u.name)) group.members.push(u.name);
    });
  });
}

export function buildAccounts(ctx: BuildContext): void {
  if (ctx.doc.host.baseline === 'standard') {
    for (const g of ctx.profile.groups) ctx.groups.set(g.name, { ...g, members: [...g.members] });
    for (const a of ctx.profile.accounts) ctx.accounts.set(a.name, { ...a, groups: [] });
  }
  ctx.doc.host.groups.forEach((g, i) => {
    if (ctx.groups.has(g.name)) {
      ctx.sink.error(['host', 'groups', i, 'name'], `group "${g.name}" already exists`);
      return;
    }
    addGroup(ctx, g.name, g.gid).members.push(...(g.members ?? []));
  });
  ctx.doc.host.users.forEach((u, i) => addUser(ctx, u, ['host', 'users', i]));
}

/** Final lists: accounts by uid order of insertion, groups likewise. */
export function accountLists(ctx: BuildContext): { accounts: Account[]; groups: Group[] } {
  const groups = [...ctx.groups.values()];
  const memberOf = new Map<string, Group[]>();
  for (const g of groups)
    for (const m of g.members) memberOf.set(m, [...(memberOf.get(m) ?? []), g]);
  for (const a of ctx.accounts.values()) {
    a.groups = (memberOf.get(a.name) ?? []).filter((g) => g.gid !== a.gid).map((g) => g.name);
  }
  return { accounts: [...ctx.accounts.values()], groups };
}
