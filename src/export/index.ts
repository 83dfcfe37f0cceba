export { EXPORT_FORMATS, FORMAT_INFO, exportGraph, exportCsvToFolder, parseFormat, writeGraph, writeCsvFiles } from './export';
export type { ExportFormat, ExportOptions, ExportCounts } from './export';
export { readGraph } from './read';
export type { ReadGraphOptions, Neo4jGraphStream } from './read';
export { memoryGraph, LIST_SEPARATOR } from './model';
export type { GraphStream, GraphNode, GraphEdge, GraphSchema, AttributeSpec, AttributeType, AttributeValue } from './model';
export { exportSchema } from './schema';
export { ARRAY_DELIMITER, IMPORT_OPTIONS, CSV_FILES } from './csv';
export { writeGraphml } from './graphml';
