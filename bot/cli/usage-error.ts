/** Bad command-line arguments; the message is Chinese, for the user. */
export class UsageError extends Error {}
