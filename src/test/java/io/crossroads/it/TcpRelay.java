package io.crossroads.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback port that forwards every connection to another port, and whose line can be cut and
 * restored: one process losing another from sight while both keep running.
 */
final class TcpRelay implements AutoCloseable {

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  private final int port;
  private final int target;
  private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "tcp-relay");
            thread.setDaemon(true);
            return thread;
          });
  private ServerSocket listener;

  private TcpRelay(int port, int target) {
    this.port = port;
    this.target = target;
  }

  /** A relay on a free loopback port to {@code target} on loopback, open. */
  static TcpRelay to(int target) throws IOException {
    TcpRelay relay = new TcpRelay(PayaraMicroProcess.freePort(), target);
    relay.restore();
    return relay;
  }

  int port() {
    return port;
  }

  /** Listens again: new connections reach the target. */
  synchronized void restore() throws IOException {
    if (listener != null && !listener.isClosed()) {
      return;
    }
    ServerSocket server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(LOOPBACK, port));
    listener = server;
    threads.execute(() -> accept(server));
  }

  /** Refuses new connections and drops the open ones, as if the target had gone away. */
  synchronized void cut() throws IOException {
    if (listener != null) {
      listener.close();
    }
    for (Socket connection : connections) {
      connection.close();
    }
    connections.clear();
  }

  private void accept(ServerSocket server) {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket upstream;
        try {
          upstream = new Socket(LOOPBACK, target);
        } catch (IOException unreachable) {
          client.close();
          continue;
        }
        connections.add(client);
        connections.add(upstream);
        AtomicInteger directions = new AtomicInteger(2);
        threads.execute(() -> pipe(client, upstream, directions));
        threads.execute(() -> pipe(upstream, client, directions));
      } catch (IOException closed) {
        return;
      }
    }
  }

  /** Copies one direction; the connection closes once both have ended, or either failed. */
  private void pipe(Socket from, Socket to, AtomicInteger directions) {
    try {
      from.getInputStream().transferTo(to.getOutputStream());
      to.shutdownOutput();
      if (directions.decrementAndGet() > 0) {
        return;
      }
    } catch (IOException dropped) {
      // one side went away: so does the other
    }
    close(from);
    close(to);
  }

  private void close(Socket socket) {
    connections.remove(socket);
    try {
      socket.close();
    } catch (IOException alreadyGone) {
      // nothing left to release
    }
  }

  @Override
  public synchronized void close() throws IOException {
    cut();
    threads.shutdownNow();
  }
}
