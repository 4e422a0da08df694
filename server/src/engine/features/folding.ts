import { isMap, isSeq, type Node } from 'yaml';
import type { Span } from '../diagnostic';
import type { ParsedFile } from '../yaml/parse';

/** Foldable regions: each `---` document and every mapping or list value, as file spans. */
export function foldingSpans(file: ParsedFile): Span[] {
  const out: Span[] = [];
  for (const doc of file.documents) {
    out.push({ start: doc.start, end: trimEnd(file.text, doc.end) });
    const visit = (node: Node | null | undefined, depth: number): void => {
      if (!node || depth > 64) return;
      if (isMap(node)) {
        for (const pair of node.items) {
          const key = pair.key as Node | null;
          const value = pair.value as Node | null;
          if ((isMap(value) || isSeq(value)) && key?.range && value.range) out.push({ start: doc.start + key.range[0], end: doc.start + value.range[1] });
          visit(value, depth + 1);
        }
      } else if (isSeq(node)) {
        for (const item of node.items) {
          const n = item as Node;
          if ((isMap(n) || isSeq(n)) && n.range) out.push({ start: doc.start + n.range[0], end: doc.start + n.range[1] });
          visit(n, depth + 1);
        }
      }
    };
    visit(doc.parsed.doc.contents as Node | null, 0);
  }
  return out;
}

function trimEnd(text: string, end: number): number {
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  return end;
}
