/** The graph schema as data: the default news schema and loading a user's schema file. */
export { DEFAULT_SCHEMA } from './default';
export { loadSchema, resolveSchema, checkSchema } from './load';
export type { Schema, SchemaFile, NodeType, RelationType, VerbPattern, NounPattern } from './types';
