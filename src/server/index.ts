export { createApp, DEFAULT_BODY_LIMIT } from './app';
export type { AppOptions } from './app';
export { DEFAULT_CONCURRENCY, type ConcurrencyLimits } from './limit';
export { serve, checkBinding, DEFAULT_HOST, DEFAULT_PORT } from './serve';
export type { ServeOptions } from './serve';
export { completionQuery } from './completion';
export type { ErrorBody } from './errors';
