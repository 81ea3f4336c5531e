/** Where a CLI command writes; tests pass their own. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}
