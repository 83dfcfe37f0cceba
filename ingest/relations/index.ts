/** Facts between the entities of one article, from general English patterns. */
export { findRelations, type RelationInput } from './find';
export { lemmas } from './lemma';
