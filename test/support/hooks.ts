import { stopSharedNeo4j } from './neo4j';

/** Mocha root hooks: the shared Neo4j starts lazily (testNeo4j()) and stops once, after every test. */
export const mochaHooks = {
  async afterAll(this: Mocha.Context): Promise<void> {
    this.timeout(120_000);
    await stopSharedNeo4j();
  },
};
