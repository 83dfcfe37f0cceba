// @name corroborated
// @description Facts reported by at least N distinct sources (outlets), the best corroborated of them first.
// @param minSources: int(1..1000) = 2 -- the least number of distinct sources
// @param limit: int(1..1000) = 100 -- at most this many facts
//
// Sorting every fact of a large graph by its sources costs seconds, so the first `limit` facts that qualify
// are taken as they are found, and only those are sorted.
MATCH (subject:Entity)-[fact]->(object:Entity)
WHERE fact.sources >= $minSources
WITH subject, fact, object LIMIT $limit
RETURN subject,
       type(fact) AS relation,
       object,
       fact.text AS text,
       fact.sources AS sources,
       fact.sourceNames AS sourceNames,
       fact.evidenceCount AS evidenceCount,
       fact
ORDER BY sources DESC, evidenceCount DESC, subject.name, relation, object.name
