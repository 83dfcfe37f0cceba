export { resolveConfig, redactConfig, isLoopback, DEFAULT_BUNDLED_PORT } from './config';
export type { Config, ConfigFlags, ConfigSources, ExternalNeo4j, BundledNeo4jSettings } from './config';
