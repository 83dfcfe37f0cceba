/**
 * The model file: everything the tagger and recogniser need, in one file that loads in milliseconds.
 * Layout: "GWNLP001", uint32 length of a JSON header, the header (metadata, tag names, lexicon,
 * gazetteers, model shapes), zero padding to 4 bytes, then per model its feature keys (uint32, sorted)
 * and weights (int16, scaled by the model's `scale`: a quarter of the size of float32 and no loss of
 * accuracy worth measuring).
 */
import { readFileSync } from 'node:fs';
import { InputError } from '../../src/errors';
import { KeyTable } from './hash';
import { LinearModel } from './perceptron';
import type { GazetteerList } from './gazetteer';

const MAGIC = 'GWNLP001';

export const MODEL_NAMES = ['pos', 'ner1', 'ner2'] as const;
export type ModelName = (typeof MODEL_NAMES)[number];

export interface ModelBundle {
  /** free-form provenance: what it was trained on, when the format changed */
  meta: Record<string, string | number>;
  posTags: string[];
  /** word -> tag id for words the tagger labels without scoring */
  posDictionary: Map<string, number>;
  /** non-capitalised words that can open an entity */
  entityStarters: string[];
  /** lexicon in its text form (see lexicon.ts) */
  lexicon: string;
  gazetteers: GazetteerList[];
  models: Record<ModelName, LinearModel>;
}

interface Header {
  meta: Record<string, string | number>;
  posTags: string[];
  posDictionary: [string, number][];
  entityStarters: string[];
  lexicon: string;
  gazetteers: { name: string; entries: string }[];
  models: { name: ModelName; nClasses: number; rows: number; scale: number }[];
}

export function encodeBundle(bundle: ModelBundle): Buffer {
  const sections: Buffer[] = [];
  const shapes: Header['models'] = [];
  for (const name of MODEL_NAMES) {
    const model = bundle.models[name];
    const c = model.nClasses;
    const entries: [number, number][] = [];
    model.table.forEach((key, row) => entries.push([key, row]));
    entries.sort((a, b) => a[0] - b[0]);
    let max = 0;
    for (const v of model.weights) max = Math.max(max, Math.abs(v * model.scale));
    const scale = max > 0 ? max / 32767 : 1;
    const keys = new Uint32Array(entries.length);
    const weights = new Int16Array(entries.length * c);
    entries.forEach(([key, row], i) => {
      keys[i] = key;
      for (let k = 0; k < c; k++) weights[i * c + k] = Math.round((model.weights[row * c + k]! * model.scale) / scale);
    });
    sections.push(Buffer.from(keys.buffer), padded(Buffer.from(weights.buffer)));
    shapes.push({ name, nClasses: c, rows: entries.length, scale });
  }
  const header: Header = {
    meta: bundle.meta,
    posTags: bundle.posTags,
    posDictionary: [...bundle.posDictionary],
    entityStarters: bundle.entityStarters,
    lexicon: bundle.lexicon,
    gazetteers: bundle.gazetteers.map((g) => ({ name: g.name, entries: g.entries.join('\n') })),
    models: shapes,
  };
  const json = padded(Buffer.from(JSON.stringify(header), 'utf8'), 0x20);
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  return Buffer.concat([Buffer.from(MAGIC, 'latin1'), length, json, ...sections]);
}

export function decodeBundle(data: Buffer, file = '<model>'): ModelBundle {
  if (data.subarray(0, 8).toString('latin1') !== MAGIC) {
    throw new InputError(file, `not a graphwire NLP model (expected it to start with ${MAGIC}); rebuild it with npm run train:ner`);
  }
  const length = data.readUInt32LE(8);
  const header = JSON.parse(data.subarray(12, 12 + length).toString('utf8')) as Header;
  let at = 12 + length;
  const models = {} as Record<ModelName, LinearModel>;
  for (const shape of header.models) {
    const keys = new Uint32Array(data.buffer.slice(data.byteOffset + at, data.byteOffset + at + shape.rows * 4));
    at += shape.rows * 4;
    const count = shape.rows * shape.nClasses;
    const raw = new Int16Array(data.buffer.slice(data.byteOffset + at, data.byteOffset + at + count * 2));
    at += count * 2 + ((count * 2) % 4);
    const rows = new Int32Array(shape.rows);
    for (let r = 0; r < shape.rows; r++) rows[r] = r;
    // kept as int16 steps: the tagger scores them as integers (exact), and they take half the memory
    models[shape.name] = new LinearModel(shape.nClasses, KeyTable.from(keys, rows), raw, shape.scale);
  }
  for (const name of MODEL_NAMES) {
    if (!models[name]) throw new InputError(file, `model "${name}" is missing; rebuild it with npm run train:ner`);
  }
  return {
    meta: header.meta,
    posTags: header.posTags,
    posDictionary: new Map(header.posDictionary),
    entityStarters: header.entityStarters,
    lexicon: header.lexicon,
    gazetteers: header.gazetteers.map((g) => ({ name: g.name, entries: g.entries === '' ? [] : g.entries.split('\n') })),
    models,
  };
}

export function readBundle(path: string): ModelBundle {
  let data: Buffer;
  try {
    data = readFileSync(path);
  } catch (cause) {
    throw new InputError(path, 'cannot read the NLP model; run npm run train:ner to build it', undefined, { cause });
  }
  return decodeBundle(data, path);
}

function padded(buffer: Buffer, fill = 0): Buffer {
  const extra = (4 - (buffer.length % 4)) % 4;
  return extra === 0 ? buffer : Buffer.concat([buffer, Buffer.alloc(extra, fill)]);
}
