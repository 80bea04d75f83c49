/**
 * True once the element has come within a screen or two of the viewport (then stays true).
 * Fields inside a theme card share one observed target, the card: a long programme has hundreds
 * of fields, and Chromium recomputes every observed target's intersection on each frame.
 */
import { useEffect, useState, type RefObject } from 'react';

const callbacks = new Map<Element, Set<() => void>>();
let shared: IntersectionObserver | null = null;

function observer(): IntersectionObserver {
  shared ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        const set = callbacks.get(entry.target);
        if (!set) continue;
        callbacks.delete(entry.target);
        shared?.unobserve(entry.target);
        set.forEach((cb) => cb());
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
    const target = el.closest('.card-theme') ?? el;
    const cb = () => setNear(true);
    let set = callbacks.get(target);
    if (!set) {
      set = new Set();
      callbacks.set(target, set);
      observer().observe(target);
    }
    set.add(cb);
    return () => {
      const current = callbacks.get(target);
      if (!current) return;
      current.delete(cb);
      if (current.size === 0) {
        callbacks.delete(target);
        observer().unobserve(target);
      }
    };
  }, [ref, near]);
  return near;
}
