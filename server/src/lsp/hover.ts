import { MarkupKind } from 'vscode-languageserver/node';
import { hover } from '../engine/features/hover';
import type { WorkspaceFile } from '../engine/workspace';
import type { ServerState } from './server';

export function registerHover(state: ServerState, fileOf: (uri: string) => WorkspaceFile | undefined): void {
  state.connection.onHover((p, token) => {
    const file = fileOf(p.textDocument.uri);
    if (!file || token.isCancellationRequested || state.convert.pastEnd(file.uri, p.position)) return null;
    const h = hover(file.parsed, state.convert.offset(file.uri, p.position), state.workspace.engine.bundle);
    if (!h) return null;
    return { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: state.convert.range(file.uri, h.span) };
  });
}
