import { CompletionItemKind, InsertTextFormat, InsertTextMode, MarkupKind, type CompletionItem } from 'vscode-languageserver/node';
import { complete } from '../engine/features/completion';
import type { WorkspaceFile } from '../engine/workspace';
import type { ServerState } from './server';

const KIND: Record<string, CompletionItemKind> = {
  field: CompletionItemKind.Field,
  value: CompletionItemKind.EnumMember,
  snippet: CompletionItemKind.Snippet,
  kind: CompletionItemKind.Class,
  apiVersion: CompletionItemKind.Module,
};

export function registerCompletion(state: ServerState, fileOf: (uri: string) => WorkspaceFile | undefined): void {
  state.connection.onCompletion((p, token) => {
    const file = fileOf(p.textDocument.uri);
    if (!file || token.isCancellationRequested || state.convert.pastEnd(file.uri, p.position)) return [];
    const offset = state.convert.offset(file.uri, p.position);
    const ws = state.workspace;
    return complete(file.parsed, offset, ws.engine.bundle, { index: ws.view(), defaultNamespace: ws.options.defaultNamespace }).map((c, i): CompletionItem => {
      const item: CompletionItem = {
        label: c.label,
        kind: KIND[c.kind] ?? CompletionItemKind.Text,
        detail: c.detail,
        sortText: c.sortText ?? String(i).padStart(4, '0'),
        insertTextFormat: c.isSnippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
        // The engine writes multi-line text with its final indentation; the editor must not re-indent it.
        insertTextMode: InsertTextMode.asIs,
      };
      if (c.documentation) item.documentation = { kind: MarkupKind.Markdown, value: c.documentation };
      if (c.replace) item.textEdit = { range: state.convert.range(file.uri, c.replace), newText: c.insertText };
      else item.insertText = c.insertText;
      if (c.filterText) item.filterText = c.filterText;
      if (c.additionalEdits?.length) item.additionalTextEdits = c.additionalEdits.map((e) => ({ range: state.convert.range(file.uri, e.span), newText: e.newText }));
      return item;
    });
  });
}
