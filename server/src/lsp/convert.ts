import {
  CodeAction,
  CodeActionKind,
  DiagnosticSeverity,
  type Diagnostic as LspDiagnostic,
  type Position,
  type Range,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { Diagnostic, Fix, Severity, Span } from '../engine/diagnostic';
import { docsUrl } from '../engine/rules/registry';
import { LineIndex } from '../engine/text/lineIndex';

/** What an open document offers: the line table vscode-languageserver-textdocument keeps up to date edit by edit. */
export interface OpenDocument {
  readonly lineCount: number;
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
}

/**
 * The one place where engine offsets become LSP positions and back. Open
 * documents convert through their own line table, which the editor's
 * incremental edits keep current, so a keystroke costs no scan of the whole
 * file. Other texts are looked up through `textOf`, so related locations in
 * files that are not open still convert.
 */
export class Converter {
  private readonly indexes = new Map<string, { text: string; index: LineIndex }>();

  constructor(
    private readonly textOf: (uri: string) => string | undefined,
    private readonly openDocument: (uri: string) => OpenDocument | undefined = () => undefined,
  ) {}

  index(uri: string): LineIndex | OpenDocument {
    const open = this.openDocument(uri);
    if (open) return open;
    const text = this.textOf(uri) ?? '';
    const hit = this.indexes.get(uri);
    if (hit && hit.text === text) return hit.index;
    const index = new LineIndex(text);
    this.indexes.set(uri, { text, index });
    return index;
  }

  forget(uri: string): void {
    this.indexes.delete(uri);
  }

  range(uri: string, span: Span): Range {
    const idx = this.index(uri);
    return { start: idx.positionAt(span.start), end: idx.positionAt(span.end) };
  }

  offset(uri: string, pos: Position): number {
    return this.index(uri).offsetAt(pos);
  }

  /** A position on a line the document does not have; requests there get empty answers. */
  pastEnd(uri: string, pos: Position): boolean {
    return pos.line < 0 || pos.character < 0 || pos.line >= this.index(uri).lineCount;
  }

  diagnostic(d: Diagnostic): LspDiagnostic {
    const out: LspDiagnostic = {
      range: this.range(d.uri, d.span),
      severity: SEVERITY[d.severity],
      source: 'kubesim',
      code: d.ruleId,
      codeDescription: { href: docsUrl(d.ruleId) },
      message: d.message,
    };
    if (d.related?.length) out.relatedInformation = d.related.map((r) => ({ location: { uri: r.uri, range: this.range(r.uri, r.span) }, message: r.message }));
    // Everything a quick fix needs travels with the diagnostic, not in server state.
    if (d.fixes?.length) out.data = { fixes: d.fixes.map((f) => this.fix(f)) };
    return out;
  }

  /** A problem in a file that is not a manifest (.kubesim.yaml), whose text the caller holds. */
  problem(text: string, p: { span: Span; severity: Severity; message: string }, code: string): LspDiagnostic {
    const idx = new LineIndex(text);
    return { range: { start: idx.positionAt(p.span.start), end: idx.positionAt(p.span.end) }, severity: SEVERITY[p.severity], source: 'kubesim', code, message: p.message };
  }

  fix(f: Fix): { title: string; edit: WorkspaceEdit } {
    const changes: Record<string, LspTextEdit[]> = {};
    for (const e of f.edits) (changes[e.uri] ??= []).push({ range: this.range(e.uri, e.span), newText: e.newText });
    return { title: f.title, edit: { changes } };
  }
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Quick fixes for the diagnostics in a code action request, from their `data`. */
export function quickFixes(diagnostics: LspDiagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const d of diagnostics) {
    const fixes = (d.data as { fixes?: { title: string; edit: WorkspaceEdit }[] } | undefined)?.fixes;
    if (!Array.isArray(fixes)) continue;
    fixes.forEach((f, i) => {
      if (typeof f?.title !== 'string' || typeof f.edit !== 'object') return;
      const action = CodeAction.create(f.title, f.edit, CodeActionKind.QuickFix);
      action.diagnostics = [d];
      action.isPreferred = i === 0;
      actions.push(action);
    });
  }
  return actions;
}
