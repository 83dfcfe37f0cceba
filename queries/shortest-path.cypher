// @name shortest-path
// @description The shortest chain of facts linking two entities (at most 6 facts; articles are not stepping stones).
// @param a: string = "Tomas Reyl" -- the first entity: name, alias or id
// @param b: string = "Anton Korvaj" -- the second entity: name, alias or id
//
// A variable-length bound cannot be a parameter in Cypher, so the 6 is written here.
CALL {
  MATCH (x:Entity {id: $a}) RETURN x
  UNION
  CALL db.index.fulltext.queryNodes('entity_names', '"' + replace(replace($a, '\\', '\\\\'), '"', '\\"') + '"') YIELD node
  WITH node AS x
  WHERE toLower(x.name) = toLower($a) OR any(alias IN x.aliases WHERE toLower(alias) = toLower($a))
  RETURN x
}
CALL {
  MATCH (y:Entity {id: $b}) RETURN y
  UNION
  CALL db.index.fulltext.queryNodes('entity_names', '"' + replace(replace($b, '\\', '\\\\'), '"', '\\"') + '"') YIELD node
  WITH node AS y
  WHERE toLower(y.name) = toLower($b) OR any(alias IN y.aliases WHERE toLower(alias) = toLower($b))
  RETURN y
}
WITH x, y WHERE x <> y
MATCH path = shortestPath((x)-[*..6]-(y))
WHERE all(n IN nodes(path) WHERE n:Entity)
WITH path LIMIT 1
UNWIND range(0, length(path) - 1) AS step
WITH path, step, relationships(path)[step] AS fact
RETURN step + 1 AS step,
       nodes(path)[step] AS from,
       type(fact) AS relation,
       CASE WHEN startNode(fact) = nodes(path)[step] THEN 'out' ELSE 'in' END AS direction,
       nodes(path)[step + 1] AS to,
       fact.text AS text,
       fact.sources AS sources,
       fact
ORDER BY step
