// @name entity-profile
// @description One entity found by name, alias or id: its types and aliases, and every fact with its evidence and sources.
// @param name: string = "Ilse Brandvik" -- a name or alias (any case), or an entity id
//
// An alias shared by several entities matches them all. In Neo4j Browser: :param name => 'Ilse Brandvik'
CALL {
  MATCH (e:Entity {id: $name}) RETURN e
  UNION
  CALL db.index.fulltext.queryNodes('entity_names', '"' + replace(replace($name, '\\', '\\\\'), '"', '\\"') + '"') YIELD node
  WITH node AS e
  WHERE toLower(e.name) = toLower($name) OR any(alias IN e.aliases WHERE toLower(alias) = toLower($name))
  RETURN e
}
OPTIONAL MATCH (e)-[fact]-(other:Entity)
RETURN e AS entity,
       [label IN labels(e) WHERE label <> 'Entity'] AS types,
       e.aliases AS aliases,
       type(fact) AS relation,
       CASE WHEN fact IS NULL THEN null WHEN startNode(fact) = e THEN 'out' ELSE 'in' END AS direction,
       other,
       fact.text AS text,
       fact.confidence AS confidence,
       fact.sources AS sources,
       fact.sourceNames AS sourceNames,
       fact.articles AS articles,
       fact.evidenceSentence AS evidence,
       fact
ORDER BY entity.mentionCount DESC, entity.id, relation, other.name
LIMIT 500
