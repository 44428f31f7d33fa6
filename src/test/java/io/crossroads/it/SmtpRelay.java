package io.crossroads.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP relay in front of the test SMTP server, one per instance: it passes everything on and notes
 * the Message-ID of each message whose data it has passed on in full, so a test knows which
 * instance sent what. It can be made slow, each message's end of data held back for a while, as
 * over a slow link, so that an instance is caught in the middle of a batch.
 */
final class SmtpRelay implements AutoCloseable {

  private static final Pattern MESSAGE_ID =
      Pattern.compile("Message-ID: <([0-9a-f-]{36})@crossroads>", Pattern.CASE_INSENSITIVE);
  private static final String END_OF_DATA = "\r\n.\r\n";

  private final ServerSocket server;
  private final int target;
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "smtp-relay");
            thread.setDaemon(true);
            return thread;
          });
  private final List<String> relayed = new CopyOnWriteArrayList<>();
  private final List<Connection> open = new CopyOnWriteArrayList<>();
  private volatile Duration perMessage = Duration.ZERO;

  private SmtpRelay(int target) throws IOException {
    this.target = target;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.execute(this::accept);
  }

  static SmtpRelay to(int port) throws IOException {
    return new SmtpRelay(port);
  }

  int port() {
    return server.getLocalPort();
  }

  /** Holds back each message's end of data this long from now on. */
  void slow(Duration each) {
    perMessage = each;
  }

  /** The Message-IDs of the messages passed on in full, in order. */
  List<String> relayed() {
    return List.copyOf(relayed);
  }

  /** The most messages passed on over a connection still open: a batch under way. */
  int sendingNow() {
    return open.stream().mapToInt(c -> c.messages).max().orElse(0);
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
        Connection connection = new Connection(client, upstream);
        open.add(connection);
        threads.execute(() -> copy(upstream, client, connection));
        threads.execute(() -> relayData(client, upstream, connection));
      } catch (IOException closed) {
        return;
      }
    }
  }

  /** The server's replies, as they come. */
  private void copy(Socket from, Socket to, Connection connection) {
    try (InputStream in = from.getInputStream()) {
      OutputStream out = to.getOutputStream();
      byte[] buffer = new byte[8192];
      for (int read; (read = in.read(buffer)) >= 0; ) {
        out.write(buffer, 0, read);
        out.flush();
      }
    } catch (IOException ended) {
      // the other side went away
    } finally {
      connection.close();
    }
  }

  /** The client's commands and messages, each message's end of data noted (and held back). */
  private void relayData(Socket from, Socket to, Connection connection) {
    StringBuilder since = new StringBuilder();
    try (InputStream in = from.getInputStream()) {
      OutputStream out = to.getOutputStream();
      byte[] buffer = new byte[8192];
      for (int read; (read = in.read(buffer)) >= 0; ) {
        since.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
        int end = since.indexOf(END_OF_DATA);
        if (end >= 0) {
          Duration hold = perMessage;
          if (!hold.isZero()) {
            Thread.sleep(hold.toMillis());
          }
        }
        out.write(buffer, 0, read);
        out.flush();
        while (end >= 0) {
          Matcher id = MESSAGE_ID.matcher(since.substring(0, end));
          if (id.find()) {
            relayed.add(id.group(1));
            connection.messages++;
          }
          since.delete(0, end + END_OF_DATA.length());
          end = since.indexOf(END_OF_DATA);
        }
      }
    } catch (IOException ended) {
      // the other side went away
    } catch (InterruptedException stopped) {
      Thread.currentThread().interrupt();
    } finally {
      connection.close();
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    open.forEach(Connection::close);
    threads.shutdownNow();
  }

  private final class Connection {
    final Socket client;
    final Socket upstream;
    volatile int messages;

    Connection(Socket client, Socket upstream) {
      this.client = client;
      this.upstream = upstream;
    }

    void close() {
      open.remove(this);
      try {
        client.close();
        upstream.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }
}
