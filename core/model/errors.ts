/** An invalid model operation: names the item and what was expected. */
export class ModelError extends Error {
  override readonly name = 'ModelError';
}
