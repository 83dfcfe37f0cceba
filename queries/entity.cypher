// @name entity
// @description One entity by id with its facts and the entities at their other end (what GET /api/entity/:id returns).
// @param id: string -- the entity id, e.g. e:person:ilse-brandvik
MATCH (e:Entity {id: $id})
OPTIONAL MATCH (e)-[fact]-(other:Entity)
RETURN e AS entity,
       [label IN labels(e) WHERE label <> 'Entity'] AS types,
       e.aliases AS aliases,
       e.mentionCount AS mentionCount,
       e.articleCount AS articleCount,
       type(fact) AS relation,
       CASE WHEN fact IS NULL THEN null WHEN startNode(fact) = e THEN 'out' ELSE 'in' END AS direction,
       other,
       fact.text AS text,
       fact.sources AS sources,
       fact
ORDER BY relation, other.name
LIMIT 500
