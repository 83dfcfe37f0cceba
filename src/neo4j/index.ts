export { BundledNeo4j, bundledPaths, BUNDLED_USERNAME } from './bundled';
export type { BundledPaths, BundledStatus, ServerState, StartResult, BundledOptions } from './bundled';
export { connect, openDriver, resolveTarget } from './connect';
export type { Neo4jConnection, Neo4jTarget } from './connect';
export { authIniLine } from './auth-file';
export { findJava, findMaven, parseJavaMajor } from './java';
