/** The SDK's token cache, held per Messenger so a rejected token can be dropped. */
interface Entry {
  value: unknown;
  expiresAt: number;
}

export class TokenCache {
  private entries = new Map<string, Entry>();

  constructor(private readonly nowMs: () => number) {}

  async set(key: string | Symbol, value: unknown, expire?: number, options?: { namespace?: string }): Promise<boolean> {
    this.entries.set(this.k(key, options), { value, expiresAt: expire ?? Infinity });
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

  private k(key: string | Symbol, options?: { namespace?: string }): string {
    return `${options?.namespace ?? ''}/${String(key)}`;
  }
}
