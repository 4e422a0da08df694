import path from 'node:path';
import { DidChangeWatchedFilesNotification, FileChangeType, WatchKind, type Connection, type InitializeParams } from 'vscode-languageserver/node';
import { readManifest } from '../node/scan';
import type { Indexer } from './indexer';
import type { ProjectConfigFile } from './projectConfig';
import { canonicalUri, pathToUri, uriToPath } from './uris';
import type { WorkspaceSync } from './workspaceSync';

/** A read-only request tests and tools use to see what the index holds and how often workspace rules ran per file. */
export const WORKSPACE_DEBUG_REQUEST = 'kubesim/debug/workspace';

/** The local folders of the workspace: workspaceFolders, else the deprecated rootUri / rootPath. */
export function workspaceRoots(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  const paths = uris.map(uriToPath).filter((p): p is string => !!p);
  if (paths.length === 0 && params.rootPath) paths.push(params.rootPath);
  return [...new Set(paths.map((p) => path.resolve(p)))];
}

/**
 * Asks the client to watch the manifests and the config file. Deletions are
 * watched for every path, since deleting a folder reports only the folder.
 */
export function registerFileWatching(connection: Connection): void {
  void connection.client
    .register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: '**/*.{yaml,yml}' }, { globPattern: '**/.kubesim.yaml' }, { globPattern: '**/*', kind: WatchKind.Delete }],
    })
    .catch(() => undefined);
}

export interface WatchHost {
  sync: WorkspaceSync;
  indexer: Indexer;
  project: ProjectConfigFile;
  maxFileSize(): number;
}

/** Files created, changed or deleted on disk update the index; open editors keep their own text. */
export function onWatchedFileChanges(connection: Connection, host: WatchHost): void {
  connection.onDidChangeWatchedFiles(({ changes }) => {
    const { sync, indexer, project } = host;
    const affected = new Set<string>();
    let configTouched = false;
    sync.safely(() => {
      for (const change of changes) {
        const uri = canonicalUri(change.uri);
        const file = uriToPath(uri);
        if (!file) continue;
        if (project.owns(uri)) {
          configTouched = true;
          continue;
        }
        if (change.type === FileChangeType.Deleted) {
          // A file, or a folder whose manifests all went with it.
          const under = pathToUri(file + path.sep);
          for (const known of [...sync.disk]) if (known === uri || known.startsWith(under)) for (const a of sync.removeDisk(known)) affected.add(a);
          continue;
        }
        if (!indexer.accepts(file)) continue;
        const read = readManifest(file, host.maxFileSize());
        const result = read.ok ? sync.setDisk(uri, read.text) : sync.removeDisk(uri);
        for (const a of result) affected.add(a);
      }
      sync.republish(affected);
      if (configTouched) project.load();
    });
  });
}
