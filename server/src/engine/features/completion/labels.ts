import type { IndexView, PodTemplateFact } from '../../index/types';
import type { CompletionEntry } from '../completion';
import type { CompletionCursor } from '../cursor';
import { choiceText, escapeSnippet, yamlScalar } from './text';

const owners = (ts: readonly PodTemplateFact[]): string => {
  const names = [...new Set(ts.map((t) => `${t.owner.kind.toLowerCase()}/${t.owner.name}`))];
  return names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
};

function byKey(view: IndexView, ns: string): Map<string, PodTemplateFact[]> {
  const out = new Map<string, PodTemplateFact[]>();
  for (const t of view.podTemplates(ns)) for (const k of Object.keys(t.labels)) out.set(k, [...(out.get(k) ?? []), t]);
  return out;
}

/** Label keys of the namespace's pod templates, for a selector key being typed; the value is offered as a choice. */
export function labelKeyEntries(view: IndexView, ns: string, cursor: CompletionCursor): CompletionEntry[] {
  const out: CompletionEntry[] = [];
  for (const [key, templates] of [...byKey(view, ns)].sort(([a], [b]) => a.localeCompare(b))) {
    if (cursor.siblings.has(key)) continue;
    const values = [...new Set(templates.map((t) => t.labels[key]))].sort().map(yamlScalar);
    const value = values.length === 1 ? escapeSnippet(values[0]) : `\${1|${values.map(choiceText).join(',')}|}`;
    out.push({
      label: key,
      kind: 'field',
      insertText: cursor.keyHasColon ? escapeSnippet(key) : `${escapeSnippet(key)}: ${value}`,
      isSnippet: true,
      detail: `label of ${owners(templates)}`,
      filterText: key,
      replace: cursor.replace,
    });
  }
  return out;
}

/** Label keys as plain values (matchExpressions[].key). */
export function labelKeyValues(view: IndexView, ns: string, cursor: CompletionCursor, lead: string): CompletionEntry[] {
  return [...byKey(view, ns)].map(([key, templates]) => ({ label: key, kind: 'value', insertText: lead + yamlScalar(key), detail: `label of ${owners(templates)}`, filterText: key, replace: cursor.replace }));
}

/** The values pod templates of the namespace give label `key`. */
export function labelValueEntries(view: IndexView, ns: string, key: string, cursor: CompletionCursor, lead: string): CompletionEntry[] {
  const templates = byKey(view, ns).get(key) ?? [];
  const byValue = new Map<string, PodTemplateFact[]>();
  for (const t of templates) byValue.set(t.labels[key], [...(byValue.get(t.labels[key]) ?? []), t]);
  return [...byValue].map(([v, ts]) => ({ label: v, kind: 'value', insertText: lead + yamlScalar(v), detail: owners(ts), filterText: v, replace: cursor.replace }));
}
