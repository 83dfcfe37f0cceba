import type { CommandRegistrar } from '../context';
import { registerDoctor } from './doctor';
import { registerExport } from './export';
import { registerExtract } from './extract';
import { registerIngest } from './ingest';
import { registerLoad } from './load';
import { registerNeo4j } from './neo4j';
import { registerPresets } from './presets';
import { registerQuery } from './query';
import { registerRead } from './read';
import { registerServe } from './serve';
import { registerStart } from './start';

/** Every subcommand, in the order `graphwire --help` lists them. Add a command here and nowhere else. */
export const commands: readonly CommandRegistrar[] = [registerStart, registerNeo4j, registerRead, registerExtract, registerIngest, registerLoad, registerExport, registerPresets, registerQuery, registerServe, registerDoctor];
