/**
 * The public API of the document core. Shells (renderer, electron, server) import from here.
 */
export * from './model/ids';
export * from './model/origins';
export * from './model/errors';
export * from './model/schema';
export * from './model/kinds';
export {
  undoScope,
  getDocumentId,
  metaMap,
  itemsMap,
  PLACEMENT_KEYS,
  type Placement,
} from './model/doc';
export * from './model/items';
export * from './model/meta';
export * from './model/snapshot';
export * from './model/fromProgramme';
export { newRichField } from './model/richSeed';
export * from './richtext/read';
export * from './richtext/write';
export * from './richtext/headlessField';
export * from './richtext/binding';
export * from './templates/schema';
export * from './templates/registry';
export * from './templates/create';
export * from './templates/labels';
export * from './format';
