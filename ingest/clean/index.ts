export { cleanText, type Cleaned, type CleanOptions } from './clean';
export { rebuild, toOriginal, normaliseChar } from './rebuild';
export { parseDateValue, findPublishedDate } from './dates';
export { canonicalOutlet, OUTLET_ALIASES } from './outlets';
export { leadSentence } from './title';
export { LINE_RULES, type LineRule } from './boilerplate';
