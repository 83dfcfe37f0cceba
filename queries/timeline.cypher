// @name timeline
// @description One entity's dated facts in date order, one row per date the articles give.
// @param name: string = "Ilse Brandvik" -- a name or alias (any case), or an entity id
CALL {
  MATCH (e:Entity {id: $name}) RETURN e
  UNION
  CALL db.index.fulltext.queryNodes('entity_names', '"' + replace(replace($name, '\\', '\\\\'), '"', '\\"') + '"') YIELD node
  WITH node AS e
  WHERE toLower(e.name) = toLower($name) OR any(alias IN e.aliases WHERE toLower(alias) = toLower($name))
  RETURN e
}
MATCH (e)-[fact]-(other:Entity)
UNWIND fact.dates AS date
RETURN date,
       e AS entity,
       type(fact) AS relation,
       CASE WHEN startNode(fact) = e THEN 'out' ELSE 'in' END AS direction,
       other,
       fact.text AS text,
       fact.sources AS sources,
       fact
ORDER BY date, relation, other.name
LIMIT 1000
