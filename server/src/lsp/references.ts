import { references } from '../engine/features/navigation/references';
import type { WorkspaceFile } from '../engine/workspace';
import { toLspLocations } from './definition';
import type { ServerState } from './server';

export function registerReferences(state: ServerState, fileOf: (uri: string) => WorkspaceFile | undefined): void {
  state.connection.onReferences((p, token) => {
    const file = fileOf(p.textDocument.uri);
    if (!file || token.isCancellationRequested || state.convert.pastEnd(file.uri, p.position)) return null;
    const offset = state.convert.offset(file.uri, p.position);
    return toLspLocations(state, references(state.workspace.view(), file.resources, offset, p.context.includeDeclaration));
  });
}
