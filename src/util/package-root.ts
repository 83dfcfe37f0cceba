import * as fs from 'node:fs';
import * as path from 'node:path';

let cached: string | undefined;

/** The folder holding graphwire's package.json, whether running from src/ (ts-node) or dist/ (compiled). */
export function packageRoot(): string {
  if (cached !== undefined) return cached;
  let dir = __dirname;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, 'utf8')).name === 'graphwire') {
      cached = dir;
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`graphwire's package.json not found above ${__dirname}`);
    dir = parent;
  }
}
