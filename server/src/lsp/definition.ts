import type { Location as LspLocation } from 'vscode-languageserver/node';
import { definition } from '../engine/features/navigation/definition';
import type { Location } from '../engine/features/navigation/locate';
import type { WorkspaceFile } from '../engine/workspace';
import type { ServerState } from './server';

export const toLspLocations = (state: ServerState, list: readonly Location[]): LspLocation[] => list.map((l) => ({ uri: l.uri, range: state.convert.range(l.uri, l.span) }));

export function registerDefinition(state: ServerState, fileOf: (uri: string) => WorkspaceFile | undefined): void {
  state.connection.onDefinition((p, token) => {
    const file = fileOf(p.textDocument.uri);
    if (!file || token.isCancellationRequested || state.convert.pastEnd(file.uri, p.position)) return null;
    return toLspLocations(state, definition(state.workspace.view(), file.resources, state.convert.offset(file.uri, p.position)));
  });
}
