import type { Span } from '../diagnostic';
import type { SchemaBundle } from '../schema/bundle';
import type { ParsedFile } from '../yaml/parse';

export interface HoverResult {
  /** Markdown. */
  markdown: string;
  span: Span;
}

export function hover(_file: ParsedFile, _offset: number, _bundle: SchemaBundle): HoverResult | undefined {
  return undefined;
}
