package io.crossroads.platform.api;

import io.crossroads.platform.problem.ProblemType;
import io.crossroads.platform.problem.Refusal;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every JSON body, whatever operation takes it, is read here before anything binds it: at most
 * {@code crossroads.limits.json-body} bytes (a longer one is refused with 413 as soon as it is
 * known, chunked or not), then parsed through to its end, no deeper than {@link #MAX_DEPTH}. Only a
 * complete, well-formed document reaches JSON-B, whose skipping of unknown properties never returns
 * on one that ends inside an object or array (parsson#23).
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class JsonBodies implements ReaderInterceptor {

  /** Far deeper than any body of the API, far shallower than what a recursive binder survives. */
  static final int MAX_DEPTH = 32;

  /**
   * Made once: each {@code Json.create…} call looks the provider up through the service loader
   * again, which costs more than reading a small body.
   */
  private static final JsonParserFactory PARSERS = Json.createParserFactory(null);

  @Inject
  @ConfigProperty(name = "crossroads.limits.json-body", defaultValue = "1048576")
  long maxBytes;

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    if (!json(context.getMediaType())) {
      return context.proceed();
    }
    String length = context.getHeaders().getFirst(HttpHeaders.CONTENT_LENGTH);
    if (length != null && declared(length) > maxBytes) {
      throw tooLarge(maxBytes);
    }
    byte[] body = readAtMost(context.getInputStream(), maxBytes);
    if (!blank(body)) {
      checkComplete(body, charset(context.getMediaType()));
    }
    context.setInputStream(new ByteArrayInputStream(body));
    return context.proceed();
  }

  static boolean json(MediaType type) {
    return type != null
        && (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)
            || type.getSubtype().toLowerCase(java.util.Locale.ROOT).endsWith("+json"));
  }

  private static long declared(String length) {
    try {
      return Long.parseLong(length.trim());
    } catch (NumberFormatException notANumber) {
      return -1;
    }
  }

  /**
   * The body, or a 413 refusal once more than {@code max} bytes have arrived, or a 408 refusal when
   * it stops arriving.
   */
  static byte[] readAtMost(InputStream in, long max) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    long total = 0;
    for (int n; (n = RequestBody.read(in, buffer, total)) != -1; ) {
      total += n;
      if (total > max) {
        throw tooLarge(max);
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  static Refusal tooLarge(long max) {
    return new Refusal(
        ProblemType.PAYLOAD_TOO_LARGE, "A JSON body is at most " + sizeOf(max) + " long.");
  }

  static String sizeOf(long bytes) {
    if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
      return bytes / (1024 * 1024) + " MiB";
    }
    if (bytes >= 1024 && bytes % 1024 == 0) {
      return bytes / 1024 + " KiB";
    }
    return bytes + " bytes";
  }

  /** An empty body is left to the operation, which says whether it needs one. */
  private static boolean blank(byte[] body) {
    for (byte b : body) {
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return false;
      }
    }
    return true;
  }

  /** The charset the media type names, or UTF-8, which JSON is by default (RFC 8259). */
  static Charset charset(MediaType type) {
    String name = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
    try {
      return name == null ? StandardCharsets.UTF_8 : Charset.forName(name.trim());
    } catch (IllegalArgumentException unknown) {
      throw malformed("The charset " + name + " is not known.");
    }
  }

  /** Walks every event of the document: a parser that reaches the end checks it is complete. */
  static void checkComplete(byte[] body, Charset charset) {
    try (JsonParser parser = PARSERS.createParser(new ByteArrayInputStream(body), charset)) {
      int depth = 0;
      while (parser.hasNext()) {
        switch (parser.next()) {
          case START_OBJECT, START_ARRAY -> {
            if (++depth > MAX_DEPTH) {
              throw malformed(
                  "The body nests objects and arrays deeper than " + MAX_DEPTH + " levels.");
            }
          }
          case END_OBJECT, END_ARRAY -> depth--;
          default -> {}
        }
      }
    } catch (JsonParsingException e) {
      throw malformed("The body is not complete, well-formed JSON" + where(e.getLocation()) + ".");
    } catch (jakarta.json.JsonException e) {
      throw malformed("The body is not complete, well-formed JSON.");
    }
  }

  private static String where(JsonLocation location) {
    if (location == null || location.getLineNumber() < 0) {
      return "";
    }
    return " (line " + location.getLineNumber() + ", column " + location.getColumnNumber() + ")";
  }

  private static Refusal malformed(String detail) {
    return new Refusal(ProblemType.MALFORMED_REQUEST, detail);
  }
}
