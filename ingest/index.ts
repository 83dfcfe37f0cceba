export * from './read';
export * from './clean';
export * from './nlp';
export * from './extract';
