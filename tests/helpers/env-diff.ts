/** What tests/helpers/env-guard.ts compares and puts back; apart so a test can import it without the hooks. */

/** Names of the variables added, removed or changed from `before` to `now`, sorted. */
export function envChanges(before: Record<string, string | undefined>, now: Record<string, string | undefined>): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(now)]);
  return [...names].filter((n) => before[n] !== now[n]).sort();
}

/** Makes `env` hold exactly `before`. */
export function restoreEnv(before: Record<string, string | undefined>, env: NodeJS.ProcessEnv): void {
  for (const name of Object.keys(env)) if (!(name in before)) delete env[name];
  for (const [name, value] of Object.entries(before)) if (value !== undefined) env[name] = value;
}
