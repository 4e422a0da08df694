import fs from 'node:fs';
import path from 'node:path';
import type { Connection } from 'vscode-languageserver/node';
import { CONFIG_FILE_NAME, parseProjectConfig, type ProjectConfig } from '../engine/config/kubesimConfig';
import type { Converter } from './convert';
import { canonicalUri, pathToUri, uriToPath } from './uris';

export interface ProjectConfigHost {
  connection: Connection;
  convert: Converter;
  roots(): string[];
  /** The config's settings changed; `excludeChanged` when the set of indexed files may change too. */
  changed(excludeChanged: boolean): void;
}

/**
 * The workspace's `.kubesim.yaml`: the one in the first workspace folder
 * that has one. Its editor text wins over the disk while it is open, so a
 * setting applies as it is typed; its problems are published on the file
 * itself.
 */
export class ProjectConfigFile {
  config: ProjectConfig | undefined;
  private uri: string | undefined;
  private readonly editorText = new Map<string, string>();
  /** What the options were built from: no file at first, so a first load that finds none re-checks nothing (files opened before it were checked under the same options). */
  private key = JSON.stringify(null);

  constructor(private readonly host: ProjectConfigHost) {}

  /** Whether `uri` is a config file Kubesim reads (one per workspace folder root). */
  owns(uri: string): boolean {
    const p = uriToPath(uri);
    return !!p && path.basename(p) === CONFIG_FILE_NAME && this.host.roots().some((r) => path.dirname(p) === r);
  }

  /** The editor's text of a config file (undefined once it is closed), then reload. */
  edited(uri: string, text: string | undefined): void {
    if (text === undefined) this.editorText.delete(uri);
    else this.editorText.set(uri, text);
    this.load();
  }

  /** (Re)reads the config; calls host.changed when what it says changed. Returns nothing, never throws. */
  load(): void {
    const before = this.config;
    const oldUri = this.uri;
    this.config = undefined;
    this.uri = undefined;
    let problemsSent = false;
    for (const root of this.host.roots()) {
      const uri = canonicalUri(pathToUri(path.join(root, CONFIG_FILE_NAME)));
      const text = this.editorText.get(uri) ?? readIfExists(path.join(root, CONFIG_FILE_NAME));
      if (text === undefined) continue;
      const { config, problems } = parseProjectConfig(text);
      this.config = config;
      this.uri = uri;
      void this.host.connection.sendDiagnostics({ uri, diagnostics: problems.map((p) => this.host.convert.problem(text, p, 'kubesim-config')) });
      problemsSent = true;
      break;
    }
    if (oldUri && (oldUri !== this.uri || !problemsSent)) void this.host.connection.sendDiagnostics({ uri: oldUri, diagnostics: [] });
    const key = JSON.stringify(this.config ?? null);
    if (key === this.key) return;
    this.key = key;
    this.host.changed(JSON.stringify(before?.exclude ?? []) !== JSON.stringify(this.config?.exclude ?? []));
  }
}

function readIfExists(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
