import { CodeLensRefreshRequest, type CodeLens } from 'vscode-languageserver/node';
import { codeLenses } from '../engine/features/codeLens';
import type { WorkspaceFile } from '../engine/workspace';
import type { ServerState } from './server';

/**
 * How long after the last edit the editor is asked to redraw lenses. A lens over one file
 * depends on other files (a Service counts the replicas of a Deployment elsewhere), so an
 * edit anywhere may change it; the delay lets the edit reach the workspace first (the
 * diagnostics run is debounced by less) and keeps a burst of keystrokes to one redraw.
 */
const REFRESH_DELAY_MS = 300;

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
  let timer: NodeJS.Timeout | undefined;
  const refreshSoon = (): void => {
    if (!state.clientCapabilities?.workspace?.codeLens?.refreshSupport) return;
    clearTimeout(timer);
    timer = setTimeout(() => void state.connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined), REFRESH_DELAY_MS);
  };
  state.documents.onDidChangeContent(refreshSoon);
  state.documents.onDidClose(refreshSoon);
}
