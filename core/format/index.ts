/** The `.linjaus` file and the JSON interchange format. */
export * from './errors';
export * from './manifest';
export * from './linjausFile';
export * from './restore';
export * from './jsonSchema';
