// @name most-connected
// @description The entities in the most facts, with how often they are mentioned; optionally of one type.
// @param type: string = "" -- Person, Organization, Location, Event, Other; empty for any
// @param limit: int(1..1000) = 20 -- how many entities
// factCount is kept by the loader and indexed: the planner reads entities in index order and stops at the limit
MATCH (e:Entity)
WHERE e.factCount IS NOT NULL AND ($type = '' OR e.type = $type)
WITH e, e.factCount AS facts
ORDER BY facts DESC, e.mentionCount DESC, e.name
LIMIT $limit
RETURN e AS entity,
       e.type AS type,
       facts,
       e.mentionCount AS mentions,
       e.articleCount AS articles
