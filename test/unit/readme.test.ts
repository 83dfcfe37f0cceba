import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { regenerate } from '../../scripts/readme';

describe('README generated sections', () => {
  it('match the CLI’s own help (run `npm run readme` after changing a command)', () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
    assert.ok(regenerate(readme) === readme, 'README.md is out of date: run `npm run readme`');
  });
});
