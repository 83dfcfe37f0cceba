import assert from 'node:assert/strict';
import { assertReadOnly, QueryRefusedError } from '../../src/query';

describe('the read-only check of user Cypher', () => {
  const refused: Array<[string, RegExp]> = [
    ['CREATE (n:Person {name: "x"})', /CREATE writes/],
    ['MERGE (n:Person {name: "x"}) RETURN n', /MERGE writes/],
    ['MATCH (n) DELETE n', /DELETE writes/],
    ['MATCH (n) DETACH DELETE n', /DETACH writes/],
    ['MATCH (n) SET n.name = "x"', /SET writes/],
    ['MATCH (n) REMOVE n.name', /REMOVE writes/],
    ['match (n) set n:Hidden', /SET writes/],
    ['MATCH (n) FOREACH (x IN [1] | CREATE (:A))', /FOREACH writes/],
    ['DROP INDEX entity_name', /DROP writes/],
    ["LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line", /LOAD CSV reads files/],
    ["load /* sneaky */ csv from 'https://x' as l return l", /LOAD CSV/],
    ['CALL dbms.killConnections(["bolt-1"])', /dbms.killConnections acts on the database server/],
    ['CALL dbms.listConfig()', /dbms.listConfig/],
    ["CALL apoc.load.json('file:///etc/x') YIELD value RETURN value", /apoc.load.json reaches files/],
    ['MATCH (n) WITH n CALL { WITH n SET n.x = 1 } RETURN n', /SET writes/],
    ['SHOW TRANSACTIONS', /SHOW TRANSACTIONS lists the server's state/],
    ['show settings yield name, value', /SHOW SETTINGS lists/],
    ['SHOW CURRENT USER', /SHOW CURRENT lists/],
    ['SHOW ALL PRIVILEGES', /SHOW PRIVILEGES lists/],
    ['CALL db.clearQueryCaches()', /db.clearQueryCaches acts on the database server/],
    ['CALL db.stats.collect("QUERIES")', /db.stats.collect acts on the database server/],
    ['CALL db.checkpoint()', /db.checkpoint acts/],
  ];
  for (const [cypher, message] of refused) {
    it(`refuses ${cypher}`, () => {
      assert.throws(() => assertReadOnly(cypher), (e: unknown) => e instanceof QueryRefusedError && message.test(e.message));
    });
  }

  const allowed = [
    'MATCH (n:Entity) RETURN n.name LIMIT 5',
    "MATCH (n) WHERE n.name = 'CREATE (x)' RETURN n",
    'MATCH (n) WHERE n.text = "SET n.x = 1; DELETE n" RETURN n',
    'MATCH (n) // DELETE n\nRETURN n',
    'MATCH (n) /* MERGE */ RETURN n',
    'MATCH (n) RETURN n.set, n.delete, n.`create`',
    'MATCH (n:`CREATE`)-[:SET]->(m:Remove) RETURN n',
    'RETURN {set: 1, create: 2} AS m, $merge AS p',
    "CALL db.index.fulltext.queryNodes('entity_names', 'halvik') YIELD node RETURN node",
    'CALL dbms.components() YIELD name RETURN name',
    "RETURN 'it''s' AS s, \"a \\\" CREATE\" AS t",
    'MATCH (upload:Article) RETURN upload',
    'SHOW INDEXES',
    'SHOW FULLTEXT INDEXES YIELD name RETURN name',
    'SHOW ALL CONSTRAINTS',
    'SHOW BUILT IN FUNCTIONS',
    'SHOW PROCEDURES YIELD name RETURN name',
    'MATCH (show:Entity) RETURN show.name',
    'WITH 1 AS show RETURN show',
    'CALL db.labels() YIELD label RETURN label',
    'CALL db.schema.visualization()',
  ];
  for (const cypher of allowed) {
    it(`lets through ${cypher.replace(/\n/g, ' ')}`, () => {
      assert.doesNotThrow(() => assertReadOnly(cypher));
    });
  }
});
