import { useEffect, useState } from 'react';

/** `#/companies` → `companies`. Hash routes work the same from file, custom protocol and http, and every page is linkable. */
export const routeFromHash = (hash: string): string => hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';

export const hrefFor = (route: string): string => `#/${route}`;

export function useHashRoute(): string {
  const [route, setRoute] = useState(() => routeFromHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(routeFromHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
