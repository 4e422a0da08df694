import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import * as vscode from 'vscode';

// The client's only process: read-only `git` for "Compare with git HEAD", in trusted workspaces (the caller checks).
const run = promisify(execFile);

/** The YAML files under each scope entry as committed at HEAD, in the order kubectl would read them. */
export async function headSources(uris: readonly string[]): Promise<{ uri: string; source: string; text: string }[]> {
  const out: { uri: string; source: string; text: string }[] = [];
  for (const u of uris) {
    const fsPath = vscode.Uri.parse(u).fsPath;
    const stat = await vscode.workspace.fs.stat(vscode.Uri.parse(u));
    const dir = stat.type & vscode.FileType.Directory ? fsPath : path.dirname(fsPath);
    const git = (args: string[]): Promise<string> => run('git', ['-C', dir, ...args], { maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }).then((r) => r.stdout);
    const top = (await git(['rev-parse', '--show-toplevel'])).trim();
    const listed = (await git(['ls-tree', '-r', '-z', '--name-only', '--full-name', 'HEAD', '--', fsPath])).split('\0').filter((f) => /\.ya?ml$/i.test(f));
    listed.sort();
    for (const rel of listed) {
      const abs = path.join(top, rel);
      const text = await git(['show', `HEAD:${rel}`]);
      out.push({ uri: vscode.Uri.file(abs).toString(), source: path.relative(dir, abs).split(path.sep).join('/'), text });
    }
  }
  return out;
}
