import assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { Neo4jUnavailableError } from '../../src/errors';
import { checkSpace, fatalKind, type Fatal } from '../../src/store/fatal';

/** What stops a load, as opposed to a problem with one article's data (retried article by article). */
const CASES: Array<[code: string, message: string, expected: Fatal | undefined]> = [
  // seen from Neo4j 5.26 with its data folder on a full tmpfs: the commit that hit it, then every transaction after
  ['Neo.DatabaseError.Transaction.TransactionLogError', 'Could not append transaction: Transaction #32 {…} to log.', 'store'],
  ['Neo.DatabaseError.Transaction.TransactionStartFailed', 'The database has encountered a critical error, and needs to be restarted.', 'store'],
  // listed by Neo4j 5.26 (org.neo4j.kernel.api.exceptions.Status) for a store it cannot write
  ['Neo.DatabaseError.Transaction.TransactionCommitFailed', 'The database was unable to commit the transaction.', 'store'],
  ['Neo.DatabaseError.General.StorageDamageDetected', 'Expected set of files not found on disk.', 'store'],
  ['Neo.ClientError.General.ForbiddenOnReadOnlyDatabase', 'This is a read only database.', 'store'],
  ['Neo.ClientError.General.WriteOnReadOnlyAccessDatabase', 'This database is in read-only mode.', 'store'],
  // the operating system's words under another code
  ['Neo.DatabaseError.General.UnknownError', 'java.io.IOException: No space left on device', 'store'],
  ['Neo.DatabaseError.General.UnknownError', 'java.nio.file.FileSystemException: /data/x: Read-only file system', 'store'],
  // the server gone
  ['ServiceUnavailable', 'Connection was closed by server', 'connection'],
  ['SessionExpired', 'expired', 'connection'],
  ['Neo.TransientError.General.DatabaseUnavailable', 'The database is not currently available', 'connection'],
  // bad data: one article's problem, the load goes on
  ['Neo.ClientError.Schema.ConstraintValidationFailed', 'Node(12) already exists with label `Article`', undefined],
  ['Neo.ClientError.Statement.TypeError', 'Property values can only be of primitive types', undefined],
  ['Neo.DatabaseError.General.UnknownError', 'something else went wrong', undefined],
  // a plain error whose text mentions a full disk is not a Neo4j answer
  ['undefined', 'No space left on device', undefined],
];

describe('reliability: which errors stop a load', () => {
  for (const [code, message, expected] of CASES) {
    it(`${code}: ${message.slice(0, 50)} → ${expected ?? 'bad data, retried per article'}`, () => {
      const error = Object.assign(new Error(message), code === 'undefined' ? {} : { code });
      assert.equal(fatalKind(error), expected);
    });
  }

  it('the space guard stops a load below the reserve, naming the articles, and stays out of the way otherwise', () => {
    const dir = os.tmpdir();
    assert.doesNotThrow(() => checkSpace(undefined, () => assert.fail('not asked')));
    assert.doesNotThrow(() => checkSpace({ dir, reserveBytes: 0 }, () => assert.fail('not asked')));
    // a folder that cannot be measured leaves the watching to Neo4j's own errors
    assert.doesNotThrow(() => checkSpace({ dir: path.join(dir, 'no-such-folder-here', 'x'), reserveBytes: Number.MAX_SAFE_INTEGER }, () => []));
    assert.throws(
      () => checkSpace({ dir, reserveBytes: Number.MAX_SAFE_INTEGER }, () => ['a.txt', 'b.txt']),
      (error: unknown) =>
        error instanceof Neo4jUnavailableError &&
        error.exitCode === 4 &&
        new RegExp(`^only \\d+\\.\\d MB free on the disk holding ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, the Neo4j data folder`).test(error.message) &&
        /2 article\(s\) not loaded: a\.txt, b\.txt\. Articles loaded before stay loaded\. Free disk space there/.test(error.message),
    );
  });
});
