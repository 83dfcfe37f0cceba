// The real extraction worker, except that an article titled "CRASH" ends the thread the way running out of memory
// would: no reply, an exit code.
import { parentPort } from 'node:worker_threads';

parentPort!.on('message', (request: { article: { title?: string } }) => {
  if (request.article.title === 'CRASH') process.exit(7);
});
// required after the listener above, so that it sees each message first
require('../../ingest/extract/worker');
