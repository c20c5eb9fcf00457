package dev.pegasus.http.testing;

import com.google.common.collect.Multimaps;
import dev.pegasus.http.core.PegasusHttpServer;
import dev.pegasus.http.core.spi.HttpResponse;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Calls a server without a socket: the request goes through the server's real routing, method
 * check, parameter binding, body limit, filter chain (access policy, cross-site check, audit,
 * the providers' and the host's filters, JSON body decoding), endpoint and error mapping, on the
 * calling thread, and the response is what the socket would have carried (see {@link
 * PegasusHttpServer#serveInProcess}). Fast, and free of ports and threads.
 *
 * <pre>{@code
 * TestResponse r = InProcess.call(server, "GET /meta/app?name=temp");
 * TestResponse w = InProcess.call(server, "POST /updateConfig?k=v", "Origin: http://evil.example");
 * TestResponse j = InProcess.call(server, TestRequest.post("/replica/pause", "{\"app_id\":2}"));
 * }</pre>
 *
 * <p>Like an HTTP client, the call adds {@code Host} (the server's address, or {@code localhost}
 * before it starts) and, for a body, {@code Content-Length}, unless the request has them. The
 * client is 127.0.0.1 unless {@link TestRequest#from} says otherwise. Only what needs a socket
 * differs: the connection cap, the HTTP version, Undertow's own parsing of the request line (an
 * empty 400 for a bad escape), body timeouts, chunked decoding, 100 Continue, and the {@code
 * Connection} and {@code Date} headers.
 */
public final class InProcess {

  private InProcess() {}

  /**
   * Serves {@code "METHOD /target"} with {@code "Name: value"} header lines and no body.
   *
   * @throws IllegalArgumentException when the request line or a header line is malformed
   */
  public static TestResponse call(PegasusHttpServer server, String requestLine, String... headerLines) {
    return call(server, TestRequest.of(requestLine).headerLines(headerLines));
  }

  /** Serves {@code request}: its method, target, headers, body and client address. */
  public static TestResponse call(PegasusHttpServer server, TestRequest request) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    request.headers().forEach((name, value) -> headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value));
    if (!request.hasHeader("Host")) {
      headers.put("Host", List.of(server.isRunning() ? URI.create(server.url()).getRawAuthority() : "localhost"));
    }
    byte[] body = request.body();
    if (body.length > 0 && !request.hasHeader("Content-Length") && !request.hasHeader("Transfer-Encoding")) {
      headers.put("Content-Length", List.of(String.valueOf(body.length)));
    }
    HttpResponse response =
        server.serveInProcess(request.method(), request.target(), headers, body, request.client());
    return new TestResponse(
        response.status(), Multimaps.asMap(response.headers()), response.bodyBytes());
  }
}
