import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { authIniLine, parseJavaMajor } from '../../src/neo4j';

describe('bundled Neo4j helpers', () => {
  it('writes auth.ini as SHA-256 over salt and password, iterated 1024 times in all', () => {
    const salt = Buffer.from('00112233445566778899aabbccddeeff', 'hex');
    let digest = createHash('sha256').update(Buffer.concat([salt, Buffer.from('pässword', 'utf8')])).digest();
    for (let i = 1; i < 1024; i++) digest = createHash('sha256').update(digest).digest();
    assert.equal(authIniLine('neo4j', 'pässword', salt), `neo4j:SHA-256,${digest.toString('hex')},${salt.toString('hex')},1024:`);
  });

  it('gives different salts, hence different lines, for the same password', () => {
    assert.notEqual(authIniLine('neo4j', 'pw'), authIniLine('neo4j', 'pw'));
  });

  const versions: Array<[string, number | undefined]> = [
    ['openjdk version "17.0.15" 2025-04-15', 17],
    ['openjdk version "21" 2023-09-19', 21],
    ['java version "1.8.0_382"', 8],
    ['not java at all', undefined],
  ];
  for (const [output, major] of versions) {
    it(`reads Java ${major ?? 'nothing'} from ${JSON.stringify(output)}`, () => assert.equal(parseJavaMajor(output), major));
  }
});
