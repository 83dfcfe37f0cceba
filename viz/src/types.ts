/**
 * What the HTTP API answers, as the viewer reads it. The server's own types are in src/query/shape.ts and
 * src/query/preset.ts; test/viz/contract.test.ts checks at compile time that they still fit these.
 */

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export interface NodeData {
  id: string;
  label: string;
  type: string;
  labels: string[];
  properties: Record<string, Json>;
}

export interface EdgeData {
  id: string;
  type: string;
  source: string;
  target: string;
  properties: Record<string, Json>;
}

export interface NodeElement {
  group: 'nodes';
  data: NodeData;
}

export interface EdgeElement {
  group: 'edges';
  data: EdgeData;
}

export interface QueryResult {
  columns: string[];
  rows: Array<Record<string, Json>>;
  nodes: NodeElement[];
  edges: EdgeElement[];
  truncated: boolean;
}

export type ParamType = 'string' | 'int' | 'float' | 'boolean';
export type ParamValue = string | number | boolean;

export interface ParamSpec {
  name: string;
  type: ParamType;
  default?: ParamValue;
  min?: number;
  max?: number;
  description: string;
}

export interface PresetInfo {
  name: string;
  description: string;
  params: ParamSpec[];
}

/** An article as the evidence panel shows it. */
export interface ArticleInfo {
  id: string;
  title: string | null;
  source: string | null;
  published: string | null;
  url: string | null;
}
