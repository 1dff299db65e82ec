import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * Listening target of a server: a port to bind on the host (0 picks a free
 * one), or an HTTP server that is already listening.
 */
export type Listen = number | Server;

/**
 * Creates an HTTP server with no request handler and binds it. Binding
 * before anything else needs the port lets the caller learn a port that the
 * kernel picked without giving it up again.
 */
export async function bindHttpServer(
  port: number,
  host: string,
): Promise<Server> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  return server;
}

/** Returns the server for `listen`, binding a new one for a port number. */
export async function openListener(
  listen: Listen,
  host: string,
): Promise<Server> {
  return typeof listen === "number" ? bindHttpServer(listen, host) : listen;
}

/** Returns the port that a listening server is bound to. */
export function boundPort(server: Server): number {
  return (server.address() as AddressInfo).port;
}

/**
 * Stops accepting, drops open connections and waits for the close. A server
 * that no longer listens is left as it is, so closing twice is safe.
 */
export function closeHttpServer(server: Server): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (!server.listening) {
      resolve();
      return;
    }
    server.closeAllConnections();
    server.close((error) => (error ? reject(error) : resolve()));
  });
}
