/**
 * Hash routes, so the app is a static site and an instructor can hand out a
 * link: `#/` is the catalog, `#/lab/<scenario-id>?seed=N` a lab.
 */
import { useEffect, useState } from 'react';

export type Route =
  | { page: 'catalog' }
  | { page: 'lab'; scenarioId: string; seed: number }
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
  const seed = seedText !== null && /^\d{1,9}$/.test(seedText) ? Number(seedText) : 1;
  return { page: 'lab', scenarioId: id, seed };
}

export const labHref = (id: string, seed = 1): string => `#/lab/${encodeURIComponent(id)}?seed=${seed}`;

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
