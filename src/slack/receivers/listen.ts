import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** PORT cannot be bound; the operator's to fix, said in one line (main.ts prints it, no stack). */
export class PortUnavailableError extends Error {
  override readonly name = 'PortUnavailableError';
}

function unavailable(port: number, error: NodeJS.ErrnoException): Error {
  if (error.code === 'EADDRINUSE')
    return new PortUnavailableError(
      `port ${port} is already in use (another program, or another Liaison, listens there). Stop it or set PORT to a free port.`,
    );
  if (error.code === 'EACCES')
    return new PortUnavailableError(
      `port ${port} needs privileges this process does not have. Set PORT to a port above 1023.`,
    );
  return error;
}

/** Listens on `port` (0 picks a free one) and resolves with the bound port. */
export async function listenOn(server: Server, port: number): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => reject(unavailable(port, error));
    server.once('error', onError);
    server.listen(port, () => {
      server.off('error', onError);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}
