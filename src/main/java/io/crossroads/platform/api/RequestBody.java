package io.crossroads.platform.api;

import io.crossroads.platform.problem.ProblemType;
import io.crossroads.platform.problem.Refusal;
import java.io.IOException;
import java.io.InputStream;

/** Reading a request's body from the client, whose failures are the client's. */
public final class RequestBody {

  private RequestBody() {}

  /**
   * The next bytes of the body, as {@link InputStream#read(byte[])}; a 408 refusal when the client
   * stops sending it (the container gives up waiting) or breaks it off, {@code received} bytes in.
   */
  public static int read(InputStream in, byte[] buffer, long received) {
    try {
      return in.read(buffer);
    } catch (IOException stopped) {
      throw new Refusal(
          ProblemType.REQUEST_TIMEOUT,
          "The body stopped arriving after "
              + JsonBodies.sizeOf(received)
              + "; send it again, whole.");
    }
  }
}
