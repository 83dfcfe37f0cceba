/**
 * Learns the word lexicon the tagger and recogniser use, from unlabelled news text:
 * - hierarchical word clusters (Brown-style bit strings): each word is described by PPMI-weighted counts
 *   of its neighbours (positions -2..+2), randomly projected to a dense vector; spherical k-means groups
 *   the words, and the clusters are merged bottom-up into a binary tree whose paths are the bit strings;
 * - how often each word is capitalised in mid-sentence.
 * Deterministic: fixed seeds, sorted inputs. Usage: ts-node scripts/clusters-build.ts [--out FILE] DIR...
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tokenize } from '../ingest/nlp/tokenize';
import { formatLexicon, type Lexicon } from '../ingest/nlp/lexicon';
import { seededRandom } from '../ingest/nlp/perceptron';

const MIN_COUNT = 4;
const CONTEXTS = 2000;
const DIM = 128;
const K = 640;
const ITERATIONS = 12;

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listFiles(path));
    else if (name.endsWith('.txt') && name !== 'SOURCE.md') out.push(path);
  }
  return out;
}

/** Lines of tokens; CoNLL files contribute their sentences, other files their lines. */
function readLines(paths: string[]): string[][] {
  const lines: string[][] = [];
  for (const path of paths) {
    const text = readFileSync(path, 'utf8');
    if (text.startsWith('-DOCSTART-')) {
      let sentence: string[] = [];
      for (const line of text.split('\n')) {
        const word = line.split(' ')[0]!;
        if (word === '' || word === '-DOCSTART-') {
          if (sentence.length) lines.push(sentence);
          sentence = [];
        } else sentence.push(word);
      }
      continue;
    }
    for (const line of text.split('\n')) {
      const spans = tokenize(line);
      if (spans.count === 0) continue;
      const words: string[] = [];
      for (let k = 0; k < spans.count; k++) words.push(line.slice(spans.starts[k], spans.ends[k]));
      lines.push(words);
    }
  }
  return lines;
}

function main(): void {
  const args = process.argv.slice(2);
  let out = 'models/lexicon.tsv';
  const inputs: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--out') out = args[++i]!;
    else inputs.push(args[i]!);
  }
  if (inputs.length === 0) inputs.push('../shared/data/news', '../shared/data/conll2003/train.txt');
  const files = inputs.flatMap((p) => (statSync(p).isDirectory() ? listFiles(p) : [p]));
  const started = Date.now();
  const lines = readLines(files);
  process.stderr.write(`read ${files.length} files, ${lines.length} lines in ${Date.now() - started} ms\n`);

  // vocabulary (as written) and context vocabulary (lower case)
  const counts = new Map<string, number>();
  const lowerCounts = new Map<string, number>();
  const midCaps = new Map<string, [number, number]>();
  let tokens = 0;
  for (const line of lines) {
    for (let i = 0; i < line.length; i++) {
      const w = line[i]!;
      tokens++;
      counts.set(w, (counts.get(w) ?? 0) + 1);
      const lower = w.toLowerCase();
      lowerCounts.set(lower, (lowerCounts.get(lower) ?? 0) + 1);
      const prev = i > 0 ? line[i - 1]! : '.';
      const mid = !/^[.!?"'`:\-(\u201c]$/.test(prev) && /\p{L}/u.test(w);
      if (mid && line.some((x) => x !== x.toUpperCase())) {
        let c = midCaps.get(lower);
        if (!c) midCaps.set(lower, (c = [0, 0]));
        c[1]++;
        if (w[0] !== w[0]!.toLowerCase()) c[0]++;
      }
    }
  }
  const byCount = <K>(m: Map<K, number>): [K, number][] =>
    [...m].sort((a, b) => b[1] - a[1] || (String(a[0]) < String(b[0]) ? -1 : 1));
  const vocab = byCount(counts).filter(([w, c]) => c >= MIN_COUNT && /[\p{L}\p{N}]/u.test(w)).map(([w]) => w);
  const contextWords = byCount(lowerCounts).slice(0, CONTEXTS).map(([w]) => w);
  const vocabId = new Map(vocab.map((w, i) => [w, i]));
  const ctxId = new Map(contextWords.map((w, i) => [w, i]));
  process.stderr.write(`${tokens} tokens, ${vocab.length} words clustered, ${contextWords.length} context words\n`);

  // co-occurrence pairs (word, position * (CONTEXTS + 1) + context), counted by sorting
  const ctxDims = 4 * (CONTEXTS + 1);
  let pairs = new Uint32Array(1 << 24);
  let np = 0;
  const offsets = [-2, -1, 1, 2];
  for (const line of lines) {
    for (let i = 0; i < line.length; i++) {
      const id = vocabId.get(line[i]!);
      if (id === undefined) continue;
      for (let p = 0; p < 4; p++) {
        const j = i + offsets[p]!;
        const c = j < 0 || j >= line.length ? CONTEXTS : (ctxId.get(line[j]!.toLowerCase()) ?? CONTEXTS);
        if (np === pairs.length) {
          const grown = new Uint32Array(pairs.length * 2);
          grown.set(pairs);
          pairs = grown;
        }
        pairs[np++] = id * ctxDims + p * (CONTEXTS + 1) + c;
      }
    }
  }
  const sorted = pairs.subarray(0, np).sort();
  const rowSum = new Float64Array(vocab.length);
  const colSum = new Float64Array(ctxDims);
  const cellKey: number[] = [];
  const cellCount: number[] = [];
  for (let k = 0; k < np; ) {
    let e = k;
    while (e < np && sorted[e] === sorted[k]) e++;
    const key = sorted[k]!;
    cellKey.push(key);
    cellCount.push(e - k);
    rowSum[Math.floor(key / ctxDims)] += e - k;
    colSum[key % ctxDims] += e - k;
    k = e;
  }
  // PPMI with context-distribution smoothing (alpha 0.75), projected with a seeded +-1 matrix
  const random = seededRandom(20200213);
  const projection = new Float32Array(ctxDims * DIM);
  for (let k = 0; k < projection.length; k++) projection[k] = random() < 0.5 ? -1 : 1;
  let smoothTotal = 0;
  const smooth = new Float64Array(ctxDims);
  for (let c = 0; c < ctxDims; c++) smoothTotal += smooth[c] = Math.pow(colSum[c]!, 0.75);
  const vectors = new Float32Array(vocab.length * DIM);
  for (let k = 0; k < cellKey.length; k++) {
    const w = Math.floor(cellKey[k]! / ctxDims);
    const c = cellKey[k]! % ctxDims;
    if (c % (CONTEXTS + 1) === CONTEXTS) continue;
    const pmi = Math.log((cellCount[k]! * smoothTotal) / (rowSum[w]! * smooth[c]!));
    if (pmi <= 0) continue;
    const v = w * DIM;
    const r = c * DIM;
    for (let d = 0; d < DIM; d++) vectors[v + d] += pmi * projection[r + d]!;
  }
  normaliseRows(vectors, vocab.length);

  const assignment = kmeans(vectors, vocab.length, random);
  const paths = mergeTree(vectors, assignment, vocab.length);
  const lexicon: Lexicon = { clusters: new Map(), capitalised: new Map() };
  for (let w = 0; w < vocab.length; w++) lexicon.clusters.set(vocab[w]!, paths[assignment[w]!]!);
  for (const [lower, [caps, total]] of [...midCaps].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (total >= 3) lexicon.capitalised.set(lower, Math.round((10 * caps) / total));
  }
  writeFileSync(out, formatLexicon(lexicon));
  process.stderr.write(`wrote ${out} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

function normaliseRows(m: Float32Array, rows: number): void {
  for (let r = 0; r < rows; r++) {
    let s = 0;
    for (let d = 0; d < DIM; d++) s += m[r * DIM + d]! ** 2;
    const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
    for (let d = 0; d < DIM; d++) m[r * DIM + d] *= inv;
  }
}

/** Spherical k-means: words go to the centroid of highest cosine. Centroids start at the K most frequent words. */
function kmeans(vectors: Float32Array, n: number, _random: () => number): Int32Array {
  const k = Math.min(K, n);
  const centroids = vectors.slice(0, k * DIM);
  const assignment = new Int32Array(n);
  for (let it = 0; it < ITERATIONS; it++) {
    let changed = 0;
    for (let w = 0; w < n; w++) {
      let best = 0;
      let bestSim = -Infinity;
      const v = w * DIM;
      for (let c = 0; c < k; c++) {
        let s = 0;
        const b = c * DIM;
        for (let d = 0; d < DIM; d++) s += vectors[v + d]! * centroids[b + d]!;
        if (s > bestSim) {
          bestSim = s;
          best = c;
        }
      }
      if (assignment[w] !== best) changed++;
      assignment[w] = best;
    }
    centroids.fill(0);
    for (let w = 0; w < n; w++) {
      const b = assignment[w]! * DIM;
      for (let d = 0; d < DIM; d++) centroids[b + d] += vectors[w * DIM + d]!;
    }
    normaliseRows(centroids, k);
    process.stderr.write(`k-means pass ${it + 1}: ${changed} words moved\n`);
    if (changed === 0) break;
  }
  return assignment;
}

/**
 * Merges clusters bottom-up (the closest pair of centroids, weighted by size, first) into a binary tree
 * and returns the root-to-leaf bit string of each cluster.
 */
function mergeTree(vectors: Float32Array, assignment: Int32Array, n: number): string[] {
  let k = 0;
  for (let w = 0; w < n; w++) k = Math.max(k, assignment[w]! + 1);
  const sums = new Float64Array(2 * k * DIM);
  const size = new Float64Array(2 * k);
  for (let w = 0; w < n; w++) {
    const c = assignment[w]!;
    size[c]++;
    for (let d = 0; d < DIM; d++) sums[c * DIM + d] += vectors[w * DIM + d]!;
  }
  const alive = new Set<number>();
  for (let c = 0; c < k; c++) if (size[c]! > 0) alive.add(c);
  const left = new Int32Array(2 * k).fill(-1);
  const right = new Int32Array(2 * k).fill(-1);
  // Ward-style cost of merging a and b: loss of within-cluster "cohesion" = |a||b|/(|a|+|b|) * |ma - mb|^2
  const cost = (a: number, b: number): number => {
    let s = 0;
    for (let d = 0; d < DIM; d++) {
      const diff = sums[a * DIM + d]! / size[a]! - sums[b * DIM + d]! / size[b]!;
      s += diff * diff;
    }
    return ((size[a]! * size[b]!) / (size[a]! + size[b]!)) * s;
  };
  const nearest = new Int32Array(2 * k).fill(-1);
  const nearestCost = new Float64Array(2 * k).fill(Infinity);
  const refresh = (a: number): void => {
    nearest[a] = -1;
    nearestCost[a] = Infinity;
    for (const b of alive) {
      if (b === a) continue;
      const c = cost(a, b);
      if (c < nearestCost[a]! || (c === nearestCost[a]! && b < nearest[a]!)) {
        nearestCost[a] = c;
        nearest[a] = b;
      }
    }
  };
  for (const a of alive) refresh(a);
  let next = k;
  while (alive.size > 1) {
    let a = -1;
    for (const c of alive) if (a < 0 || nearestCost[c]! < nearestCost[a]!) a = c;
    const b = nearest[a]!;
    const m = next++;
    left[m] = Math.min(a, b);
    right[m] = Math.max(a, b);
    size[m] = size[a]! + size[b]!;
    for (let d = 0; d < DIM; d++) sums[m * DIM + d] = sums[a * DIM + d]! + sums[b * DIM + d]!;
    alive.delete(a);
    alive.delete(b);
    alive.add(m);
    for (const c of alive) if (c === m || nearest[c] === a || nearest[c] === b) refresh(c);
    for (const c of alive) {
      if (c === m) continue;
      const cm = cost(c, m);
      if (cm < nearestCost[c]!) {
        nearestCost[c] = cm;
        nearest[c] = m;
      }
    }
  }
  const paths: string[] = new Array(k).fill('');
  const walk = (node: number, path: string): void => {
    if (node < k) {
      paths[node] = path || '0';
      return;
    }
    walk(left[node]!, path + '0');
    walk(right[node]!, path + '1');
  };
  walk([...alive][0]!, '');
  return paths;
}

main();
