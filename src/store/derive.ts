import { EVIDENCE_LISTS } from './cypher';
import type { EvidenceRow } from './rows';

type EvidenceField = (typeof EVIDENCE_LISTS)[number][1];
export type EvidenceLists = Record<(typeof EVIDENCE_LISTS)[number][0], unknown[]>;

/** The evidence rows of one fact as the parallel lists the relationship stores. */
export function evidenceLists(rows: readonly EvidenceRow[]): EvidenceLists {
  const lists = {} as EvidenceLists;
  for (const [list, field] of EVIDENCE_LISTS) lists[list] = rows.map((row) => row[field as EvidenceField]);
  return lists;
}

const distinct = <T>(values: readonly T[], skip?: (v: T) => boolean): T[] => {
  const out: T[] = [];
  for (const v of values) if (!(skip?.(v) ?? false) && !out.includes(v)) out.push(v);
  return out;
};

/**
 * A new fact's properties, computed here rather than in Cypher: the same values DERIVE_FACT gives
 * (tests hold the two to it), so a bulk load of new facts is plain property writes.
 */
export function newFactProperties(text: string, props: Record<string, unknown>, rows: readonly EvidenceRow[]): Record<string, unknown> {
  const lists = evidenceLists(rows);
  const sourceNames = distinct(rows.map((r) => r.source), (s) => s === '');
  const unattributed = distinct(rows.filter((r) => r.source === '').map((r) => r.article));
  const dates = distinct(rows.map((r) => r.date), (d) => d === '').sort();
  const derived: Record<string, unknown> = {
    ...props,
    text,
    ...lists,
    articles: distinct(rows.map((r) => r.article)),
    texts: distinct(rows.map((r) => r.evidenceText)),
    sourceNames,
    confidence: rows.reduce((m, r) => (r.confidence > m ? r.confidence : m), 0),
    evidenceCount: rows.length,
    dates,
    sources: sourceNames.length + unattributed.length,
  };
  if (dates.length > 0) {
    derived.firstDate = dates[0];
    derived.lastDate = dates[dates.length - 1];
  }
  return derived;
}
