/** Messages the graph webview may send. Anything else is dropped: the webview is untrusted input. */
export type GraphMessage = { type: 'ready' } | { type: 'reveal'; id: string };

const MAX_ID = 1024;

export function parseGraphMessage(raw: unknown, knownIds: ReadonlySet<string>): GraphMessage | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const m = raw as Record<string, unknown>;
  const keys = Object.keys(m);
  if (m.type === 'ready' && keys.length === 1) return { type: 'ready' };
  if (m.type === 'reveal' && keys.length === 2 && typeof m.id === 'string' && m.id.length <= MAX_ID && knownIds.has(m.id)) return { type: 'reveal', id: m.id };
  return undefined;
}
