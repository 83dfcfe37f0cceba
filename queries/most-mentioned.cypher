// @name most-mentioned
// @description The entities mentioned most often across the articles, with the number of facts they are in; optionally of one type.
// @param type: string = "" -- Person, Organization, Location, Event, Other; empty for any
// @param limit: int(1..1000) = 20 -- how many entities
//
// With a range index on Entity(mentionCount) Neo4j reads the entities in that order and stops at the limit;
// the IS NOT NULL is what lets the planner use it.
MATCH (e:Entity)
WHERE e.mentionCount IS NOT NULL AND ($type = '' OR e.type = $type)
WITH e
ORDER BY e.mentionCount DESC, e.articleCount DESC, e.name
LIMIT $limit
RETURN e AS entity,
       e.type AS type,
       e.mentionCount AS mentions,
       e.articleCount AS articles,
       e.factCount AS facts
