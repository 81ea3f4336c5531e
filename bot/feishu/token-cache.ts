/** The SDK's token cache, held per Messenger so a rejected token can be dropped. */
interface Entry {
  value: unknown;
  expiresAt: number;
}

export class TokenCache {
  private entries = new Map<string, Entry>();
  /** Counts what was stored: a call notes it before it starts, so a rejection can tell whether the token was renewed since. */
  private stored = 0;

  constructor(private readonly nowMs: () => number) {}

  async set(key: string | Symbol, value: unknown, expire?: number, options?: { namespace?: string }): Promise<boolean> {
    this.entries.set(this.k(key, options), { value, expiresAt: expire ?? Infinity });
    this.stored++;
    return true;
  }

  async get(key: string | Symbol, options?: { namespace?: string }): Promise<unknown> {
    const e = this.entries.get(this.k(key, options));
    if (!e) return undefined;
    if (e.expiresAt <= this.nowMs()) {
      this.entries.delete(this.k(key, options));
      return undefined;
    }
    return e.value;
  }

  clear(): void {
    this.entries.clear();
  }

  /** What has been stored so far (see dropUnlessRenewed). */
  get version(): number {
    return this.stored;
  }

  /**
   * Drops the tokens after a rejection, unless one was stored after `version` (read before the rejected call
   * started): then another call already renewed it, and dropping the new token would make every send in flight
   * fetch one more.
   */
  dropUnlessRenewed(version: number): void {
    if (this.stored === version) this.entries.clear();
  }

  private k(key: string | Symbol, options?: { namespace?: string }): string {
    return `${options?.namespace ?? ''}/${String(key)}`;
  }
}
