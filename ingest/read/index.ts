export { readArticles, type ReadEvent, type ReadOptions } from './reader';
export { DEFAULT_MAX_BYTES } from './load';
export { articleId, type ReadArticle } from './assemble';
export { surveyInputs } from './survey';
export { withInferredDates, SAME_STORY_WINDOW } from './infer-dates';
