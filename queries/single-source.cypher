// @name single-source
// @description Facts that only one source (outlet) reports, the least confident first: the ones to check before relying on them.
// @param limit: int(1..1000) = 100 -- at most this many facts
//
// As in corroborated: the first `limit` facts found are sorted, not every fact of the graph.
MATCH (subject:Entity)-[fact]->(object:Entity)
WHERE fact.sources = 1
WITH subject, fact, object LIMIT $limit
RETURN subject,
       type(fact) AS relation,
       object,
       fact.text AS text,
       fact.sourceNames[0] AS source,
       fact.confidence AS confidence,
       fact
ORDER BY confidence, subject.name, relation, object.name
