// @name search
// @description Full-text search over entity names and aliases (Lucene syntax: words, "phrases", prefix*, fuzzy~).
// @param q: string = "Halvik" -- the search, e.g. brand* or "basin commission"
// @param limit: int(1..1000) = 20 -- at most this many entities
CALL db.index.fulltext.queryNodes('entity_names', $q) YIELD node, score
RETURN node AS entity,
       node.name AS name,
       node.type AS type,
       node.aliases AS aliases,
       node.mentionCount AS mentions,
       score
ORDER BY score DESC, mentions DESC, name
LIMIT $limit
