import type { Span } from '../diagnostic';
import type { SchemaBundle } from '../schema/bundle';
import type { ParsedFile } from '../yaml/parse';

export interface CompletionEntry {
  label: string;
  kind: 'field' | 'value' | 'snippet' | 'kind' | 'apiVersion';
  /** Text to insert; a snippet (with ${1} tab stops) when isSnippet. */
  insertText: string;
  isSnippet?: boolean;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  sortText?: string;
  filterText?: string;
  /** The span the insertText replaces; at the cursor when absent. */
  replace?: Span;
}

// Implemented by the completion work in progress; see ARCHITECTURE.md.
export function complete(_file: ParsedFile, _offset: number, _bundle: SchemaBundle): CompletionEntry[] {
  return [];
}
