/**
 * Whether an error means the database cannot answer right now (down, restarting, unreachable,
 * silent past its timeout, out of connections) rather than a fault in the request or the code.
 * Such errors are answered 503 with Retry-After, and the pool recovers by itself: a failed
 * connection is dropped and the next request opens a new one.
 */
const unavailableSqlStates = new Set([
  '08000', // connection_exception
  '08001', // sqlclient_unable_to_establish_sqlconnection
  '08003', // connection_does_not_exist
  '08004', // sqlserver_rejected_establishment_of_sqlconnection
  '08006', // connection_failure
  '53300', // too_many_connections
  '57014', // query_canceled (statement_timeout)
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
]);

const unavailableSocketCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

const unavailableMessages = [
  'timeout exceeded when trying to connect',
  'connection terminated',
  'query read timeout',
  'connection timeout',
  'client has encountered a connection error',
  'cannot use a pool after calling end',
];

export function isDatabaseUnavailable(error: unknown): boolean {
  // Drizzle wraps the driver's error (DrizzleQueryError.cause); look along the chain.
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    if (typeof e !== 'object') return false;
    const { code, message, cause } = e as { code?: unknown; message?: unknown; cause?: unknown };
    if (
      typeof code === 'string' &&
      (unavailableSqlStates.has(code) || unavailableSocketCodes.has(code))
    )
      return true;
    if (typeof message === 'string') {
      const lower = message.toLowerCase();
      if (unavailableMessages.some((m) => lower.includes(m))) return true;
    }
    e = cause;
  }
  return false;
}
