/**
 * What a person typing in a search box means, as a Lucene query over the full-text index: every word must
 * match, the last one as a prefix (`ilse brandv` → `ilse AND brandv*`). Words keep only letters and digits,
 * so nothing the user types is read as Lucene syntax. Undefined when there is nothing to search for.
 */
export function completionQuery(text: string): string | undefined {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return undefined;
  return words.map((w, i) => (i === words.length - 1 ? `${w}*` : w)).join(' AND ');
}
