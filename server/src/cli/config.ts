import fs from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE_NAME, parseProjectConfig, type ProjectConfig } from '../engine/config/kubesimConfig';
import { describeFsError, PathError } from './files';
import { Locator } from './format/locate';

/** A loaded `.kubesim.yaml`: its settings and the directory its exclude globs are relative to. */
export interface LoadedConfig {
  file: string;
  dir: string;
  config: ProjectConfig;
}

/**
 * The project config for a CLI run: the file given with --config, else
 * ./.kubesim.yaml when it exists. Problems are printed as warnings and their
 * entries ignored; a file that is not YAML at all is a usage error, since the
 * user asked for settings that cannot be honoured.
 */
export function loadCliConfig(explicit: string | undefined, cwd: string, warn: (line: string) => void): LoadedConfig | undefined {
  const file = explicit !== undefined ? path.resolve(cwd, explicit) : path.join(cwd, CONFIG_FILE_NAME);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if (explicit === undefined && (e as NodeJS.ErrnoException)?.code === 'ENOENT') return undefined;
    throw new PathError(`cannot read config ${explicit ?? CONFIG_FILE_NAME}: ${describeFsError(e)}`);
  }
  const { config, problems } = parseProjectConfig(text);
  const shown = path.relative(cwd, file) || file;
  const locator = new Locator(new Map([[file, { display: shown, text }]]));
  for (const p of problems) {
    const at = locator.locate(file, p.span);
    const line = `${shown}:${at.line}:${at.column}: ${p.severity} config: ${p.message}`;
    if (p.severity === 'error') throw new PathError(line);
    warn(line);
  }
  return { file, dir: path.dirname(file), config };
}
