// the modules themselves, not namespace copies: the driver looks `connect` up on them at every connection
import net = require('node:net');
import tls = require('node:tls');

let installed = false;

/**
 * Turns Nagle's algorithm off for the sockets neo4j-driver opens. The driver writes a Bolt request in pieces of
 * 1,400 bytes on sockets that keep Nagle on, so any request longer than that (most presets, a user's longer Cypher)
 * sends its last piece only once the server acknowledges the first, and the server delays that acknowledgement
 * while it waits for the rest: about 40 ms lost on every such query on Linux, against a few ms of work. The driver
 * has no option for it and opens its sockets through `net.connect` / `tls.connect`, so those two are wrapped (not
 * `net.createConnection`, which HTTP clients use and which already turns Nagle off).
 */
export function disableNagleForDriverSockets(): void {
  if (installed) return;
  installed = true;
  const plain = net.connect;
  net.connect = function (this: unknown, ...args: unknown[]) {
    return (plain as (...a: unknown[]) => net.Socket).apply(this, args).setNoDelay(true);
  } as typeof net.connect;
  const secure = tls.connect;
  tls.connect = function (this: unknown, ...args: unknown[]) {
    return (secure as (...a: unknown[]) => tls.TLSSocket).apply(this, args).setNoDelay(true);
  } as typeof tls.connect;
}
