/**
 * The file a test runs the `workplan` command with. The compiled dist/ (bot/cli/run-dist.js, as `npm start`
 * runs the bot) when it was built from the sources as they are now — `npm install` builds it, and CI builds it
 * before the tests — else the sources through tsx (bot/cli/bin.js, as `workplan` runs from a clone). Both run
 * the same code (run-dist.js refuses a dist/ built from other sources); the compiled one starts on half the CPU
 * (no transpiler), and the command-line tests start it hundreds of times. TEST_CLI=sources always takes the
 * sources.
 */
import { fileURLToPath } from 'node:url';
import { builtFromSources } from '../../bot/cli/source-hash.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SOURCES_ENTRY = fileURLToPath(new URL('../../bot/cli/bin.js', import.meta.url));
export const COMPILED_ENTRY = fileURLToPath(new URL('../../bot/cli/run-dist.js', import.meta.url));

export const CLI_ENTRY = process.env.TEST_CLI !== 'sources' && builtFromSources(ROOT) ? COMPILED_ENTRY : SOURCES_ENTRY;
