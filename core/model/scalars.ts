/**
 * Reading an item's scalar fields with the schema applied per field: a value that does not fit
 * (written by a buggy or hostile peer) reads as the field's default, so one bad value never makes
 * a document unreadable or unsavable (core/SPEC.md rule F3).
 */
import type { ItemMap } from './doc';
import { ITEM_DEFAULTS, ITEM_SCALARS, type ItemKind, type ItemScalars } from './kinds';

type FieldSchema = { safeParse(value: unknown): { success: boolean } };

/** The scalar fields of an item map of a known kind, each validated or defaulted. */
export function readScalars<K extends ItemKind>(map: ItemMap, kind: K): ItemScalars<K> {
  const defaults = ITEM_DEFAULTS[kind] as Record<string, unknown>;
  const shape = ITEM_SCALARS[kind].shape as Record<string, FieldSchema>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(defaults)) {
    const value = map.get(key);
    out[key] = value !== undefined && shape[key]?.safeParse(value).success ? value : defaults[key];
  }
  return out as ItemScalars<K>;
}
