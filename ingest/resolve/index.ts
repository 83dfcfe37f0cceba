/** Entities within an article (candidates, then resolution) and across articles (the merge). */
export { findCandidates } from './candidates';
export { resolveLocal, addAlias, type Resolved } from './local';
export { Countries, defaultCountries, adjectivesOf, nameCandidates } from './countries';
export { normaliseName, entityId, slug, initials, isAcronym, bareForm } from './normalise';
export { titleKey } from './words';
export { mergeExtractions, type MergeOptions } from './merge';
export { joinKnown, namesToLookUp, type KnownEntity, type KnownJoin } from './known';
