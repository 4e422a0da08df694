import type { Diagnostic, Severity, Span } from '../../engine/diagnostic';
import { LineIndex } from '../../engine/text/lineIndex';

/** A diagnostic with 1-based lines and columns, as the CLI prints it. */
export interface Location {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface LocatedDiagnostic extends Location {
  severity: Severity;
  code: string;
  message: string;
  related?: (Location & { message: string })[];
}

export interface SourceFile {
  /** The path as the user should see it (relative to the current directory). */
  display: string;
  text: string;
}

/** Converts engine offsets to 1-based positions; one LineIndex per file. */
export class Locator {
  private readonly indexes = new Map<string, LineIndex>();
  constructor(private readonly files: ReadonlyMap<string, SourceFile>) {}

  locate(uri: string, span: Span): Location {
    const f = this.files.get(uri);
    const text = f?.text ?? '';
    let idx = this.indexes.get(uri);
    if (!idx) {
      idx = new LineIndex(text);
      this.indexes.set(uri, idx);
    }
    const s = idx.positionAt(span.start);
    const e = idx.positionAt(span.end);
    return { file: f?.display ?? uri, line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
  }

  diagnostic(d: Diagnostic): LocatedDiagnostic {
    const out: LocatedDiagnostic = { ...this.locate(d.uri, d.span), severity: d.severity, code: d.ruleId, message: d.message };
    if (d.related?.length) out.related = d.related.map((r) => ({ ...this.locate(r.uri, r.span), message: r.message }));
    return out;
  }
}
