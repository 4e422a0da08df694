import type { Sim } from '../context';
import type { KObject } from '../types';

/**
 * A controller's dirty set, the way informers enqueue only the keys whose
 * objects changed: an object whose last reconcile changed nothing is skipped
 * until something that reconcile reads changes. What it reads is summed up in
 * a fingerprint (resourceVersions and the store's kind and owner stamps), so a
 * skipped reconcile is one that would have written nothing again.
 */
export class QuietObjects {
  private readonly quiet = new WeakMap<KObject, string>();

  /**
   * Runs `reconcile` unless `obj` was left quiet with this same fingerprint.
   * `reconcile` returns false when its outcome also depends on something the
   * fingerprint does not cover (the object is then never skipped next time);
   * an undefined fingerprint always runs.
   */
  run(sim: Sim, obj: KObject, fingerprint: string | undefined, reconcile: () => boolean | void): void {
    if (fingerprint !== undefined && this.quiet.get(obj) === fingerprint) return;
    const before = effects(sim);
    const complete = reconcile();
    if (fingerprint !== undefined && complete !== false && effects(sim) === before) this.quiet.set(obj, fingerprint);
    else this.quiet.delete(obj);
  }
}

/** Every counter only grows, so an unchanged sum means no write, no event and no limit. */
const effects = (sim: Sim): number => sim.store.writes + sim.store.events.length + sim.limits.length;
