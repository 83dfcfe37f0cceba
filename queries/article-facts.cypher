// @name article-facts
// @description The facts one article supports, with the sentences it gives for each.
// @param article: string = "a-post-05" -- an article id, or its key (URL, else input path)
CALL {
  MATCH (a:Article {id: $article}) RETURN a
  UNION
  MATCH (a:Article {key: $article}) RETURN a
}
// every article of a fact mentions both of its ends, so the fact is found from the article's entities
MATCH (a)-[:MENTIONS]->(subject:Entity)-[fact]->(object:Entity)<-[:MENTIONS]-(a)
WHERE a.id IN fact.articles
RETURN a AS article,
       subject,
       type(fact) AS relation,
       object,
       fact.text AS text,
       [i IN range(0, size(fact.evidenceArticle) - 1) WHERE fact.evidenceArticle[i] = a.id | fact.evidenceSentence[i]] AS evidence,
       fact.sources AS sources,
       fact
ORDER BY subject.name, relation, object.name
LIMIT 1000
