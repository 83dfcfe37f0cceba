export { cleanText, type Cleaned, type CleanOptions } from './clean';
export { rebuild, toOriginal, normaliseChar } from './rebuild';
export { parseDateValue, findPublishedDate } from './dates';
export { canonicalOutlet, OUTLET_ALIASES } from './outlets';
export { leadSentence } from './title';
export { LINE_RULES, type LineRule } from './boilerplate';
export { dateClues, weekdayClues, WEEKDAYS, type DateClues, type WeekdayClue } from './clues';
export { storyProfile, storySimilarity, type StoryProfile } from './story';
export { inferPublished, SAME_STORY, CLEAR_LEAD, type DatedCandidate, type InferredDate } from './same-story-date';
