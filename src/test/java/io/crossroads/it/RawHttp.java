package io.crossroads.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HTTP/1.1 written by hand on a socket, for what a well-behaved client will not send: a request
 * line exactly as given, or a chunked body generated while it is sent that stops as soon as the
 * server has answered.
 */
final class RawHttp {

  /** What the server answered, and how much of the body had been sent by then. */
  record Answer(int status, Map<String, String> headers, String body, long sentBytes) {

    String contentType() {
      return headers.getOrDefault("content-type", "");
    }

    @Override
    public String toString() {
      return status + " " + headers + " " + body;
    }
  }

  private RawHttp() {}

  /** Sends the request line and headers as they are, without a body. */
  static Answer send(URI server, String requestLine, Map<String, String> headers)
      throws IOException {
    try (Socket socket = open(server)) {
      OutputStream out = socket.getOutputStream();
      out.write(head(server, requestLine, headers).getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return read(socket.getInputStream(), 0);
    }
  }

  /**
   * Sends the request line, the headers and the first bytes of a body, then nothing more: the
   * answer is whatever the server says once it stops waiting for the rest.
   */
  static Answer stall(URI server, String requestLine, Map<String, String> headers, byte[] prefix)
      throws IOException {
    try (Socket socket = open(server)) {
      OutputStream out = socket.getOutputStream();
      out.write(head(server, requestLine, headers).getBytes(StandardCharsets.ISO_8859_1));
      out.write(prefix);
      out.flush();
      return read(socket.getInputStream(), prefix.length);
    }
  }

  /**
   * Sends {@code prefix} and then {@code filler} repeated, chunked, up to {@code total} bytes,
   * while reading the answer: sending stops once it has arrived or the server closed the line.
   */
  static Answer stream(
      URI server,
      String requestLine,
      Map<String, String> headers,
      byte[] prefix,
      byte filler,
      long total)
      throws Exception {
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.put("Transfer-Encoding", "chunked");
    try (Socket socket = open(server)) {
      OutputStream out = socket.getOutputStream();
      out.write(head(server, requestLine, all).getBytes(StandardCharsets.ISO_8859_1));
      AtomicLong sent = new AtomicLong();
      Thread sender =
          new Thread(
              () -> {
                byte[] chunk = new byte[64 * 1024];
                Arrays.fill(chunk, filler);
                try {
                  writeChunk(out, prefix, prefix.length);
                  sent.addAndGet(prefix.length);
                  while (sent.get() < total && !Thread.currentThread().isInterrupted()) {
                    int n = (int) Math.min(chunk.length, total - sent.get());
                    writeChunk(out, chunk, n);
                    sent.addAndGet(n);
                  }
                  out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                  out.flush();
                } catch (IOException closedByServer) {
                  // the server answered and stopped reading: that is the point
                }
              },
              "raw-http-sender");
      sender.setDaemon(true);
      sender.start();
      Answer answer = read(socket.getInputStream(), 0);
      long sentWhenAnswered = sent.get();
      sender.interrupt();
      return new Answer(answer.status(), answer.headers(), answer.body(), sentWhenAnswered);
    }
  }

  private static Socket open(URI server) throws IOException {
    Socket socket = new Socket(server.getHost(), server.getPort());
    socket.setSoTimeout((int) Duration.ofSeconds(120).toMillis());
    return socket;
  }

  private static String head(URI server, String requestLine, Map<String, String> headers) {
    StringBuilder head = new StringBuilder(requestLine).append("\r\n");
    head.append("Host: ").append(server.getHost()).append(':').append(server.getPort());
    head.append("\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    head.append("Connection: close\r\n\r\n");
    return head.toString();
  }

  private static void writeChunk(OutputStream out, byte[] bytes, int length) throws IOException {
    out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    out.write(bytes, 0, length);
    out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
  }

  private static Answer read(InputStream in, long sent) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("The server closed the connection without an answer: " + head);
      }
      head.write(b);
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(
            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).trim());
      }
    }
    byte[] body;
    if (headers.containsKey("content-length")) {
      body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
    } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = chunked(in);
    } else {
      body = in.readAllBytes();
    }
    return new Answer(status, headers, new String(body, StandardCharsets.UTF_8), sent);
  }

  private static byte[] chunked(InputStream in) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String size = line(in);
      int n = Integer.parseInt(size.split(";")[0].trim(), 16);
      if (n == 0) {
        line(in);
        return body.toByteArray();
      }
      body.write(in.readNBytes(n));
      line(in);
    }
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b; (b = in.read()) != -1 && b != '\n'; ) {
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }
}
