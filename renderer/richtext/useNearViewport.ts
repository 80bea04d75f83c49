/** True once the element has come within a screen or two of the viewport (then stays true). */
import { useEffect, useState, type RefObject } from 'react';

const observers = new Map<Element, () => void>();
let shared: IntersectionObserver | null = null;

function observer(): IntersectionObserver {
  shared ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observers.get(entry.target)?.();
      }
    },
    { rootMargin: '1200px 0px' },
  );
  return shared;
}

export function useNearViewport(ref: RefObject<Element | null>): boolean {
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || near) return;
    observers.set(el, () => setNear(true));
    observer().observe(el);
    return () => {
      observers.delete(el);
      observer().unobserve(el);
    };
  }, [ref, near]);
  return near;
}
