// @name most-connected
// @description The entities in the most facts, with how often they are mentioned; optionally of one type.
// @param type: string = "" -- Person, Organization, Location, Event, Other; empty for any
// @param limit: int(1..1000) = 20 -- how many entities
MATCH (e:Entity)
WHERE $type = '' OR e.type = $type
WITH e, COUNT { (e)--() } - COUNT { (e)<-[:MENTIONS]-() } AS facts
ORDER BY facts DESC, e.mentionCount DESC, e.name
LIMIT $limit
RETURN e AS entity,
       e.type AS type,
       facts,
       e.mentionCount AS mentions,
       e.articleCount AS articles
