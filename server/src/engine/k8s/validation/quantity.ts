import { remembered } from '../../util/memo';
/**
 * resource.Quantity as the API server parses it (k8s.io/apimachinery/pkg/api/resource,
 * ParseQuantity + parseQuantityString + quantitySuffixer.interpret).
 * A quantity is <sign><digits>[.<digits>]<suffix>, the suffix being binary (Ki..Ei),
 * decimal SI (n u m "" k M G T P E) or a decimal exponent (e3, E-2).
 */

/** Upstream ErrFormatWrong and ErrSuffix, word for word. */
export const QUANTITY_FORMAT_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
export const QUANTITY_SUFFIX_ERROR = "unable to parse quantity's suffix";

/** An exact value: num / den. */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

export type ParsedQuantity = { readonly ok: true; readonly value: Rational } | { readonly ok: false; readonly error: string };

const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

/** Splits like parseQuantityString; undefined where upstream answers ErrFormatWrong. */
function split(str: string): { negative: boolean; num: string; denom: string; suffix: string } | undefined {
  const m = /^([+-]?)([0-9]*)(?:\.([0-9]*))?([eEinumkKMGTP]*[-+]?[0-9]*)$/.exec(str);
  if (!m) return undefined;
  return { negative: m[1] === '-', num: m[2], denom: m[3] ?? '', suffix: m[4] };
}

/**
 * Parses a quantity written as a string (or a YAML number, via String()).
 * Manifests repeat a few quantities ("100m", "128Mi") thousands of times, and
 * the exact (BigInt) parse is not cheap, so results are remembered; they are
 * shared, and nobody changes them.
 */
export const parseQuantity: (str: string) => ParsedQuantity = remembered(parse);

function parse(str: string): ParsedQuantity {
  if (str.length === 0) return { ok: false, error: QUANTITY_FORMAT_ERROR };
  const parts = split(str);
  if (!parts) return { ok: false, error: QUANTITY_FORMAT_ERROR };
  let exp10 = 0;
  let exp2 = 0;
  if (parts.suffix in DECIMAL) exp10 = DECIMAL[parts.suffix];
  else if (parts.suffix in BINARY) exp2 = BINARY[parts.suffix];
  else if (/^[eE][-+]?[0-9]+$/.test(parts.suffix)) exp10 = Number(parts.suffix.slice(1));
  else return { ok: false, error: QUANTITY_SUFFIX_ERROR };
  if (!Number.isSafeInteger(exp10) || Math.abs(exp10) > 1000) return { ok: false, error: QUANTITY_SUFFIX_ERROR };
  let num = BigInt((parts.num + parts.denom) || '0');
  let den = 10n ** BigInt(parts.denom.length);
  if (exp10 >= 0) num *= 10n ** BigInt(exp10);
  else den *= 10n ** BigInt(-exp10);
  num *= 2n ** BigInt(exp2);
  return { ok: true, value: { num: parts.negative ? -num : num, den } };
}

/** The value of a quantity field as YAML gave it: a string or a number. */
export function parseQuantityValue(v: unknown): ParsedQuantity | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? parseQuantity(String(v)) : undefined;
  // Quantity.UnmarshalJSON trims surrounding spaces before parsing.
  if (typeof v === 'string') return parseQuantity(v.trim());
  return undefined;
}

/** -1, 0 or 1 as a < b, a == b, a > b. */
export function compareRational(a: Rational, b: Rational): number {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

const UNIT_WORDS: Record<string, [string, string] | [string]> = {
  k: ['k', 'Ki'], kb: ['k', 'Ki'], kilobyte: ['k', 'Ki'], kib: ['Ki'], ki: ['Ki'],
  mb: ['M', 'Mi'], megabyte: ['M', 'Mi'], mib: ['Mi'], mi: ['Mi'],
  g: ['G', 'Gi'], gb: ['G', 'Gi'], gigabyte: ['G', 'Gi'], gib: ['Gi'], gi: ['Gi'],
  t: ['T', 'Ti'], tb: ['T', 'Ti'], terabyte: ['T', 'Ti'], tib: ['Ti'], ti: ['Ti'],
  p: ['P', 'Pi'], pb: ['P', 'Pi'], petabyte: ['P', 'Pi'], pib: ['Pi'], pi: ['Pi'],
  eb: ['E', 'Ei'], eib: ['Ei'], ei: ['Ei'],
  b: [''], byte: [''], cpu: [''], core: [''], vcpu: [''],
  millicore: ['m'], millicpu: ['m'], mcpu: ['m'],
};

/**
 * What the writer most likely meant, as valid quantities: "512MB" -> ["512M", "512Mi"],
 * "1 gigabyte" -> ["1G", "1Gi"], "2 cpu" -> ["2"]. Empty when there is no clear guess.
 */
export function suggestQuantities(str: string): string[] {
  const m = /^\s*([+-]?[0-9]*\.?[0-9]+)\s*([A-Za-z]*)\s*$/.exec(str);
  if (!m) return [];
  const [, number, unit] = m;
  let key = unit.toLowerCase();
  if (key.length > 3 && key.endsWith('s')) key = key.slice(0, -1); // gigabytes, cores
  const units = UNIT_WORDS[key];
  if (!units) return [];
  return units.map((u) => number + u).filter((q) => q !== str && parseQuantity(q).ok);
}
