import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';

export type RefusalStatus = 401 | 403 | 404 | 503;

/** Answers a refused WebSocket upgrade with a bare HTTP status on the raw socket, then drops it. */
export function refuseUpgrade(socket: Duplex, status: RefusalStatus): void {
  if (socket.writable) {
    const reason = STATUS_CODES[status] ?? 'Refused';
    socket.write(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  }
  socket.destroy();
}
