import type { CodeLens } from 'vscode-languageserver/node';
import { codeLenses } from '../engine/features/codeLens';
import type { WorkspaceFile } from '../engine/workspace';
import type { ServerState } from './server';

/**
 * Lenses are information, not actions. LSP's Command needs a command id, and VS Code draws
 * a lens whose command id is empty as plain text that does nothing when clicked
 * (microsoft/vscode#24469), so the title travels with `command: ''`. A clickable "show
 * references" would need a client-side command that converts the arguments, which other
 * editors would not have.
 */
export function registerCodeLens(state: ServerState, fileOf: (uri: string) => WorkspaceFile | undefined): void {
  state.connection.onCodeLens((p, token) => {
    const file = fileOf(p.textDocument.uri);
    if (!file || token.isCancellationRequested) return null;
    return codeLenses(state.workspace.view(), file.resources).map((l): CodeLens => ({ range: state.convert.range(file.uri, l.span), command: { title: l.title, command: '' } }));
  });
}
