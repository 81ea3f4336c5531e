/** The error `$queryRaw` / `$executeRaw` throw when the database refuses a statement, for the store's direct paths. */
import { Prisma } from './generated/client.js';

export type RawMethod = '$queryRaw' | '$executeRaw';

/**
 * "Raw query failed" (P2010) with the driver adapter's error in meta, as Prisma's client builds it: its message names
 * the method called (errorFormat 'minimal': no source line), the database's code and its message.
 */
export function rawQueryFailed(method: RawMethod, code: string, message: string, driverAdapterError: unknown): Prisma.PrismaClientKnownRequestError {
  return new Prisma.PrismaClientKnownRequestError(`\nInvalid \`prisma.${method}()\` invocation:\n\n\nRaw query failed. Code: \`${code}\`. Message: \`${message}\``, {
    code: 'P2010', clientVersion: Prisma.prismaVersion.client, meta: { driverAdapterError },
  });
}
