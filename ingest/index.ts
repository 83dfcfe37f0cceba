export * from './read';
export * from './clean';
