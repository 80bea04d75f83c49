/**
 * The {@link DocumentCodec} of real `.linjaus` files: `core/format`, unchanged. This module only
 * turns the codec's errors into the storage layer's merge outcomes.
 */
import {
  FormatError,
  mergeLinjausFile,
  readLinjausFile,
  writeLinjausFile,
} from '../../../core/format';
import type { DocumentCodec } from './codec';

/** `.linjaus` files as read and written by `core/format`. */
export const linjausCodec: DocumentCodec = {
  read(bytes, fileName) {
    const { doc, assets } = readLinjausFile(bytes, { fileName });
    return { doc, assets };
  },
  write(doc, assets) {
    return writeLinjausFile(doc, { assets, generator: 'Linjaus desktop' });
  },
  merge(doc, bytes) {
    try {
      mergeLinjausFile(doc, bytes);
      return { ok: true };
    } catch (error) {
      if (error instanceof FormatError) {
        return {
          ok: false,
          reason: error.code === 'unrelated-documents' ? 'unrelated' : 'unreadable',
          message: error.message,
        };
      }
      throw error;
    }
  },
};
