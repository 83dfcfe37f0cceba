// @name co-mentioned
// @description The entities mentioned in the same articles as one entity, by the number of articles they share.
// @param name: string = "Ilse Brandvik" -- a name or alias (any case), or an entity id
// @param limit: int(1..1000) = 20 -- how many entities
CALL {
  MATCH (e:Entity {id: $name}) RETURN e
  UNION
  CALL db.index.fulltext.queryNodes('entity_names', '"' + replace(replace($name, '\\', '\\\\'), '"', '\\"') + '"') YIELD node
  WITH node AS e
  WHERE toLower(e.name) = toLower($name) OR any(alias IN e.aliases WHERE toLower(alias) = toLower($name))
  RETURN e
}
MATCH (e)<-[:MENTIONS]-(article:Article)-[:MENTIONS]->(other:Entity)
WHERE other <> e
WITH e, other, count(DISTINCT article) AS shared, collect(DISTINCT article.title) AS titles
RETURN e AS entity,
       other,
       other.type AS type,
       shared AS articles,
       titles,
       EXISTS { (e)--(other) } AS linked
ORDER BY articles DESC, other.name
LIMIT $limit
