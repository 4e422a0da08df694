import type { ScopeFile } from './simulateScope';

/** How many scopes' texts the server keeps; older scopes are forgotten first. */
const MAX_SCOPES = 8;

/**
 * The file texts of the last simulation of each scope, for `from: "last"`.
 * They stay in the server's memory, so a re-apply needs no texts from the
 * client and Secret values never travel. A scope is named by its URIs in
 * any order.
 */
export class LastSimulations {
  private readonly byScope = new Map<string, ScopeFile[]>();

  static key(uris: readonly string[]): string {
    return JSON.stringify([...uris].sort());
  }

  get(uris: readonly string[]): ScopeFile[] | undefined {
    return this.byScope.get(LastSimulations.key(uris));
  }

  remember(uris: readonly string[], files: readonly ScopeFile[]): void {
    const key = LastSimulations.key(uris);
    this.byScope.delete(key);
    this.byScope.set(key, files.map((f) => ({ ...f })));
    for (const old of this.byScope.keys()) {
      if (this.byScope.size <= MAX_SCOPES) break;
      this.byScope.delete(old);
    }
  }
}
