/** How the browser's link to the hub is doing, for the banner and the header dot. */
export type ConnectionState =
  | { status: 'connecting' }
  | { status: 'open' }
  | { status: 'reconnecting'; attempt: number; retryAt: number };
