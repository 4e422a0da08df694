import type { NameGenerator, Rng, SimClock, SimConfig } from './types';

/** mulberry32: a tiny seeded PRNG, so the same seed gives the same cluster. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The alphabet of k8s.io/apimachinery/pkg/util/rand: no vowels (no words) and
 * no confusable characters (0/o, 1/l, 3/e). generateName suffixes are 5 of them
 * (names.SimpleNameGenerator, randomLength = 5).
 */
export const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
export const GENERATED_SUFFIX_LENGTH = 5;

const HEX = '0123456789abcdef';
const UID_LAYOUT = 'xxxxxxxx-xxxx-4xxx-vxxx-xxxxxxxxxxxx';
const uidCodes: number[] = new Array<number>(UID_LAYOUT.length).fill(0);

export function nameGenerator(rng: Rng): NameGenerator {
  return {
    suffix() {
      let s = '';
      for (let i = 0; i < GENERATED_SUFFIX_LENGTH; i++) s += SAFE_ALPHABET[Math.floor(rng() * SAFE_ALPHABET.length)];
      return s;
    },
    uid() {
      // RFC 4122 version 4: the API server's uids (google/uuid NewRandom). The variant digit is drawn first.
      const variant = HEX.charCodeAt(8 + Math.floor(rng() * 4));
      // Written into one array of character codes: a uid built by concatenation is a rope of dozens of strings, kept by every store index it keys.
      for (let i = 0; i < UID_LAYOUT.length; i++) {
        const at = UID_LAYOUT.charCodeAt(i);
        uidCodes[i] = at === 0x78 ? HEX.charCodeAt(Math.floor(rng() * 16)) : at === 0x76 ? variant : at; // x: a random digit, v: the variant
      }
      return String.fromCharCode.apply(null, uidCodes);
    },
  };
}

export function fixedClock(start: Date): SimClock {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    advance: (seconds) => {
      t += seconds * 1000;
    },
  };
}

/** The default, reproducible configuration: a fixed start time and a seeded PRNG. */
export function defaultConfig(seed = 1, start = new Date('2024-01-01T00:00:00Z')): SimConfig {
  const rng = mulberry32(seed);
  return { clock: fixedClock(start), rng, names: nameGenerator(rng) };
}

/** RFC 3339 to the second, as the API server writes timestamps. */
export const timestamp = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
