import type { EdgeElement, NodeElement, QueryResult } from '../../viz/src/types';
import { seededRandom } from '../../src/util/random';

const TYPES = ['Person', 'Organization', 'Location', 'Event', 'Other'];
const RELATIONS = ['ATTENDED', 'MET_WITH', 'NEGOTIATED_WITH', 'AGREED_WITH', 'STATED', 'CRITICIZED', 'LEADS', 'LOCATED_IN', 'MEMBER_OF'];
const OUTLETS = ['Meridian Wire', 'Continental Post', 'Northgate Review', 'The Tarvian Courier', 'Harbour Daily'];

/**
 * A graph shaped like news, as the API sends it: a few hubs and a long tail (preferential attachment), facts
 * with evidence. Seeded, so every run draws the same graph. The viewer bench and the large-graph test share it.
 */
export function syntheticResult(nodeCount: number, edgeCount: number): QueryResult {
  const rand = seededRandom(42);
  const nodes: NodeElement[] = [];
  for (let i = 0; i < nodeCount; i++) {
    const type = TYPES[Math.floor(rand() * TYPES.length)]!;
    const name = `${type} ${i}`;
    nodes.push({
      group: 'nodes',
      data: {
        id: `e:${type.toLowerCase()}:${i}`,
        label: name,
        type,
        labels: ['Entity', type],
        properties: { id: `e:${type.toLowerCase()}:${i}`, name, type, aliases: [name, `${type[0]}${i}`], mentionCount: 1 + Math.floor(rand() * 40), articleCount: 1 + Math.floor(rand() * 10) },
      },
    });
  }
  const ends: number[] = [];
  const edges: EdgeElement[] = [];
  for (let i = 0; i < edgeCount; i++) {
    const source = i < nodeCount ? i : Math.floor(rand() * nodeCount);
    const target = ends.length && rand() < 0.7 ? ends[Math.floor(rand() * ends.length)]! : Math.floor(rand() * nodeCount);
    if (source === target) continue;
    ends.push(source, target);
    const outlet = OUTLETS[Math.floor(rand() * OUTLETS.length)]!;
    const sentence = `${nodes[source]!.data.label} and ${nodes[target]!.data.label} were in the same report.`;
    edges.push({
      group: 'edges',
      data: {
        id: `5:bench:${i}`,
        type: RELATIONS[Math.floor(rand() * RELATIONS.length)]!,
        source: nodes[source]!.data.id,
        target: nodes[target]!.data.id,
        properties: {
          text: 'met', texts: ['met'], confidence: 0.8, articles: [`a${i % 997}`], sources: 1, sourceNames: [outlet], evidenceCount: 1,
          dates: ['2025-03-10'], evidenceArticle: [`a${i % 997}`], evidenceSentence: [sentence], evidenceStart: [0], evidenceEnd: [sentence.length],
          evidenceText: ['met'], evidenceConfidence: [0.8], evidenceDate: ['2025-03-10'], evidenceSubjectStart: [-1], evidenceSubjectEnd: [-1],
          evidenceObjectStart: [-1], evidenceObjectEnd: [-1], evidenceQuote: [''],
        },
      },
    });
  }
  return { columns: ['a', 'f', 'b'], rows: [], nodes, edges, truncated: false };
}
