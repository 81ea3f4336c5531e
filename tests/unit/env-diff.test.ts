import { describe, expect, it } from 'vitest';
import { envChanges, restoreEnv } from '../helpers/env-diff.js';

describe('the environment guard of the shared test project', () => {
  it('names what was added, removed or changed, and puts back exactly what was there', () => {
    const before = { KEPT: 'a', CHANGED: 'b', REMOVED: 'c' };
    const env: NodeJS.ProcessEnv = { KEPT: 'a', CHANGED: 'x', ADDED: 'd' };
    expect(envChanges(before, env)).toEqual(['ADDED', 'CHANGED', 'REMOVED']);
    restoreEnv(before, env);
    expect(env).toEqual(before);
    expect(envChanges(before, env)).toEqual([]);
  });

  it("a variable that was unset is deleted, not given the string 'undefined' (the demo's DATABASE_URL failure)", () => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    const before = { ...env };
    delete before.DATABASE_URL;
    env.DATABASE_URL = 'file:./elsewhere.db';
    restoreEnv(before, env);
    expect('DATABASE_URL' in env).toBe(false);
  });
});
