/** Hash routes: `#/` start screen, `#/d/<id>` a document. Works from file:// and any web path. */
import { useSyncExternalStore } from 'react';

export type Route = { name: 'start' } | { name: 'document'; id: string };

function parse(hash: string): Route {
  const m = /^#\/d\/([a-z0-9][a-z0-9_-]{0,63})$/.exec(hash);
  return m?.[1] ? { name: 'document', id: m[1] } : { name: 'start' };
}

const subscribe = (l: () => void) => {
  window.addEventListener('hashchange', l);
  return () => window.removeEventListener('hashchange', l);
};

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parse(hash);
}

export const navigate = (route: Route) => {
  window.location.hash = route.name === 'start' ? '#/' : `#/d/${route.id}`;
};
