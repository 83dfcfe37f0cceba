import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError } from '../errors';
import { packageRoot } from '../util/package-root';
import { UnknownPresetError } from './errors';
import { parsePreset, type Preset } from './preset';

/** The presets graphwire ships, read once from a folder of .cypher files. */
export interface PresetCatalog {
  /** in name order */
  readonly presets: readonly Preset[];
  /** throws UnknownPresetError listing the known names */
  get(name: string): Preset;
  has(name: string): boolean;
}

export function defaultPresetsDir(): string {
  return path.join(packageRoot(), 'queries');
}

/** Reads every .cypher file of the folder; a file whose @name is not its file name, or a duplicate, is refused. */
export function loadPresets(dir: string = defaultPresetsDir()): PresetCatalog {
  let files: string[];
  try {
    files = fs.readdirSync(dir).filter((f) => f.endsWith('.cypher')).sort();
  } catch (error) {
    throw new InputError(dir, `cannot read the presets folder: ${(error as Error).message}`, undefined, { cause: error });
  }
  const byName = new Map<string, Preset>();
  for (const file of files) {
    const full = path.join(dir, file);
    const preset = parsePreset(fs.readFileSync(full, 'utf8'), full);
    if (preset.name !== path.basename(file, '.cypher')) {
      throw new InputError(full, `@name ${preset.name} differs from the file name; name the file ${preset.name}.cypher`);
    }
    byName.set(preset.name, preset);
  }
  return catalogOf([...byName.values()]);
}

export function catalogOf(presets: readonly Preset[]): PresetCatalog {
  const byName = new Map(presets.map((p) => [p.name, p]));
  const sorted = [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
  return {
    presets: sorted,
    has: (name) => byName.has(name),
    get(name) {
      const preset = byName.get(name);
      if (!preset) throw new UnknownPresetError(name, sorted.map((p) => p.name));
      return preset;
    },
  };
}
