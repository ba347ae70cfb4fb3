/**
 * Hash routes, so the app is a static site and an instructor can hand out a
 * link: `#/` is the catalog, `#/lab/<scenario-id>?seed=N` a lab. The
 * parsing is in route.ts; this file follows the address.
 */
import { useEffect, useState } from 'react';
import { parseRoute, type Route } from './route';

export { badSeedNotice, labHref, parseRoute, type Route } from './route';

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
