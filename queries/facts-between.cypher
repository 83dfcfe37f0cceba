// @name facts-between
// @description Every fact between two entities, in either direction, with the evidence and its sources.
// @param a: string = "Ilse Brandvik" -- the first entity: name, alias or id
// @param b: string = "Tomas Reyl" -- the second entity: name, alias or id
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
MATCH (x)-[fact]-(y)
WHERE x <> y
WITH DISTINCT fact
MATCH (subject)-[fact]->(object)
RETURN subject,
       type(fact) AS relation,
       object,
       fact.text AS text,
       fact.confidence AS confidence,
       fact.sources AS sources,
       fact.sourceNames AS sourceNames,
       fact.dates AS dates,
       fact.evidenceSentence AS evidence,
       fact
ORDER BY relation, subject.name, object.name
LIMIT 500
