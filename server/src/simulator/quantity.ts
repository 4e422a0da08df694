/**
 * resource.Quantity parsing, enough for requests and capacities: decimal SI
 * suffixes (m, k, M, G, T, P, E), binary ones (Ki … Ei) and exponents (1e3).
 * Returns the value in base units (cores for cpu, bytes for memory), or
 * undefined when the text is not a quantity.
 */
const SUFFIX: Record<string, number> = {
  '': 1, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
};

export function parseQuantity(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E)?)$/.exec(v.trim());
  if (!m) return undefined;
  const base = Number(m[1]);
  if (m[2]) return base * 10 ** Number(m[2].slice(1));
  return base * SUFFIX[m[3] ?? ''];
}

/** Millicores, rounded up as the scheduler does (Quantity.MilliValue). */
export const milliCpu = (v: unknown): number => Math.ceil((parseQuantity(v) ?? 0) * 1000 - 1e-9);
export const bytes = (v: unknown): number => Math.ceil(parseQuantity(v) ?? 0);
