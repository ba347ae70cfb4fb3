/**
 * Hash routes, so the app is a static site and an instructor can hand out a
 * link: `#/` is the catalog, `#/lab/<scenario-id>?seed=N` a lab. Free of
 * React, so the boot script can read the route before the page loads.
 */
export type Route =
  | { page: 'catalog' }
  | { page: 'lab'; scenarioId: string; seed: number; badSeed?: string }
  | { page: 'not-found'; hash: string };

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [path = '', query = ''] = raw.split('?', 2);
  if (path === '' || path === '/') return { page: 'catalog' };
  const lab = /^\/lab\/([^/]+)\/?$/.exec(path);
  if (!lab) return { page: 'not-found', hash: raw };
  let id: string;
  try {
    id = decodeURIComponent(lab[1]!);
  } catch {
    return { page: 'not-found', hash: raw };
  }
  if (!ID.test(id)) return { page: 'not-found', hash: raw };
  const seedText = new URLSearchParams(query).get('seed');
  if (seedText === null) return { page: 'lab', scenarioId: id, seed: 1 };
  if (/^\d{1,9}$/.test(seedText)) return { page: 'lab', scenarioId: id, seed: Number(seedText) };
  return { page: 'lab', scenarioId: id, seed: 1, badSeed: seedText };
}

export const labHref = (id: string, seed = 1): string => `#/lab/${encodeURIComponent(id)}?seed=${seed}`;

/** What the lab says about a seed it could not use. */
export const badSeedNotice = (text: string): string =>
  `The seed ${JSON.stringify(text.slice(0, 40))} is not a whole number from 0 to 999999999; the lab opened with seed 1.`;
