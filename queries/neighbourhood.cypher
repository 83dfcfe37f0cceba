// @name neighbourhood
// @description The entities within k facts of one entity, breadth first, with the facts that reach each of them.
// @param name: string = "Ilse Brandvik" -- a name or alias (any case), or an entity id; the most mentioned match is used
// @param hops: int(1..3) = 2 -- how many facts away
// @param limit: int(1..500) = 100 -- at most this many entities per hop
//
// Cypher does not take a variable-length bound from a parameter, and *1..k explodes on well-connected
// entities anyway: each hop is expanded once, keeping the `limit` most mentioned entities not reached before.
CALL {
  MATCH (e:Entity {id: $name}) RETURN e
  UNION
  CALL db.index.fulltext.queryNodes('entity_names', '"' + replace(replace($name, '\\', '\\\\'), '"', '\\"') + '"') YIELD node
  WITH node AS e
  WHERE toLower(e.name) = toLower($name) OR any(alias IN e.aliases WHERE toLower(alias) = toLower($name))
  RETURN e
}
WITH e ORDER BY e.mentionCount DESC LIMIT 1
CALL (e) {
  MATCH (e)--(n:Entity)
  WHERE n <> e
  WITH DISTINCT n ORDER BY n.mentionCount DESC, n.id LIMIT $limit
  RETURN collect(n) AS hop1
}
CALL (e, hop1) {
  UNWIND CASE WHEN $hops >= 2 THEN hop1 ELSE [] END AS m
  MATCH (m)--(n:Entity)
  WHERE n <> e AND NOT n IN hop1
  WITH DISTINCT n ORDER BY n.mentionCount DESC, n.id LIMIT $limit
  RETURN collect(n) AS hop2
}
CALL (e, hop1, hop2) {
  UNWIND CASE WHEN $hops >= 3 THEN hop2 ELSE [] END AS m
  MATCH (m)--(n:Entity)
  WHERE n <> e AND NOT n IN hop1 AND NOT n IN hop2
  WITH DISTINCT n ORDER BY n.mentionCount DESC, n.id LIMIT $limit
  RETURN collect(n) AS hop3
}
UNWIND [{hop: 0, nodes: [e], previous: []}, {hop: 1, nodes: hop1, previous: [e]},
        {hop: 2, nodes: hop2, previous: hop1}, {hop: 3, nodes: hop3, previous: hop2}] AS level
UNWIND level.nodes AS n
RETURN level.hop AS hop,
       n AS entity,
       n.type AS type,
       [(n)-[fact]-(m:Entity) WHERE m IN level.previous | fact] AS reachedBy
ORDER BY hop, n.mentionCount DESC, n.name
