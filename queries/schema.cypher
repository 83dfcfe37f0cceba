// @name schema
// @description What the graph holds: every node label and relationship type with its count.
//
// The counts come from Neo4j's count store, so this stays instant on a large graph. Labels and types with
// no nodes or relationships left (Neo4j never forgets a name once used) are not listed.
CALL db.stats.retrieve('GRAPH COUNTS') YIELD data
UNWIND [n IN data.nodes WHERE n.label IS NOT NULL | {kind: 'label', name: n.label, count: n.count}]
     + [r IN data.relationships WHERE r.relationshipType IS NOT NULL AND r.startLabel IS NULL AND r.endLabel IS NULL
        | {kind: 'relationship', name: r.relationshipType, count: r.count}] AS entry
WITH entry WHERE entry.count > 0
RETURN entry.kind AS kind, entry.name AS name, entry.count AS count
ORDER BY kind, count DESC, name
