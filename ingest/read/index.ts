export { readArticles, type ReadEvent, type ReadOptions } from './reader';
export { DEFAULT_MAX_BYTES } from './load';
export { articleId } from './assemble';
export { surveyInputs } from './survey';
