// The `workplan` process entry: runs main() on the command line's arguments.
// bin.js loads it through tsx (sources, for the CLI, the demo and the tests);
// run-dist.js loads its compiled copy in dist/ (npm start, receiver, worker).
import { main } from './main.js';

// `workplan … | head` closes the pipe early: that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
process.exitCode = await main(process.argv.slice(2));
