package dev.pegasus.http.core.internal;

import com.google.common.collect.ImmutableListMultimap;
import dev.pegasus.http.core.Flag;
import dev.pegasus.http.core.ServerConfig;
import dev.pegasus.http.core.internal.tls.ClientCertificates;
import dev.pegasus.http.core.spi.ClientConnection;
import dev.pegasus.http.core.spi.EndpointException;
import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.core.spi.ErrorStyle;
import dev.pegasus.http.core.spi.HttpMethod;
import dev.pegasus.http.core.spi.HttpRequest;
import dev.pegasus.http.core.spi.HttpResponse;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.HeaderMap;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Protocols;
import io.undertow.server.protocol.http.HttpContinue;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Undertow handler of a server: checks limits, normalises the path, routes, applies the
 * method and access rules, binds the parameters, reads a bounded body, runs the endpoint (on the
 * I/O thread only when its spec says it never blocks) and writes the response or the error.
 */
@Singleton
public final class RequestDispatcher implements HttpHandler {

  private static final Logger log = LoggerFactory.getLogger(RequestDispatcher.class);
  private static final HttpString NOSNIFF_HEADER = new HttpString("X-Content-Type-Options");
  private static final String ALL_METHODS = "GET, HEAD, POST";

  private final Routes routes;
  private final ServerConfig config;

  private static final AttachmentKey<EndpointSpec> ROUTED_SPEC = AttachmentKey.create(EndpointSpec.class);

  private final ConnectionLimiter connectionLimiter;
  private final Flag<Boolean> accessLog;

  @Inject
  public RequestDispatcher(
      Routes routes, ServerConfig config, ConnectionLimiter limiter, CoreFlags flags) {
    this.connectionLimiter = limiter;
    this.accessLog = flags.accessLog();
    this.routes = routes;
    this.config = config;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    boolean logged = accessLog.get() && AccessLog.enabled();
    if (logged) {
      long start = System.nanoTime();
      exchange.addExchangeCompleteListener(
          (ex, next) -> {
            AccessLog.record(
                config.role(),
                String.valueOf(ex.getSourceAddress()),
                ex.getRequestMethod().toString(),
                target(ex),
                ex.getStatusCode(),
                ex.getResponseBytesSent(),
                (System.nanoTime() - start) / 1000);
            next.proceed();
          });
    }
    Admission admission = new Admission(exchange.getRequestPath());
    try {
      EndpointException refusal = connectionLimiter.refusalFor(exchange.getSourceAddress());
      if (refusal != null) {
        exchange.setPersistent(false);
        throw refusal;
      }
      checkProtocol(exchange);
      HeaderMap requestHeaders = exchange.getRequestHeaders();
      String query = exchange.getQueryString();
      RequestFraming.Kind framing;
      try {
        checkSizeLimits(
            exchange.getRequestURI().length() + (query.isEmpty() ? 0 : query.length() + 1),
            requestHeaders);
        framing = framingOf(requestHeaders);
      } catch (EndpointException e) {
        exchange.setPersistent(false);
        throw e;
      }
      HttpRequest.Builder request =
          admit(
              admission,
              exchange.getRequestMethod().toString(),
              exchange.getRequestPath(),
              query,
              requestHeaders,
              exchange.getSourceAddress(),
              new UndertowClientConnection(exchange),
              ClientCertificates.verified(exchange));
      Routes.Route route = admission.route;
      EndpointSpec spec = route.spec();
      if (logged) {
        exchange.putAttachment(ROUTED_SPEC, spec); // so that the log masks its secret parameters
      }
      if (framing == RequestFraming.Kind.NONE) {
        execute(exchange, route, request);
        return;
      }
      if (exchange.getRequestContentLength() > config.maxBodyBytes()) {
        throw tooLarge();
      }
      String targetPath = admission.path;
      if (!spec.acceptsBody() && HttpContinue.requiresContinueResponse(exchange)) {
        // The client waits for our word before sending a body nobody would read: answer at once,
        // without 100 Continue, and close so that a body sent anyway is never taken for a request.
        exchange.setPersistent(false);
        execute(exchange, route, request);
        return;
      }
      // Bodies the endpoint does not read are received and dropped under the same deadline.
      BodyReceiver.receive(
          exchange,
          framing,
          spec.acceptsBody(),
          config.maxBodyBytes(),
          config.requestParseTimeout(),
          body -> execute(exchange, route, spec.acceptsBody() ? request.body(body) : request),
          error -> send(exchange, ErrorResponses.of(error, targetPath, spec.errorStyle())));
    } catch (EndpointException e) {
      send(exchange, ErrorResponses.of(e, admission.path, styleOf(admission.route)));
    } catch (RuntimeException e) {
      sendInternalError(exchange, admission.path, styleOf(admission.route), e);
    }
  }

  /**
   * Serves one request inside this process, without a socket, through the same steps a request
   * from the network takes once Undertow has parsed it: the request-target and header limits, the
   * framing headers and {@code Expect} (417), path normalisation and routing (404), the method
   * (405 with {@code Allow}), a second {@code Authorization} (400), parameter binding (400), the
   * body limit (413), the endpoint's filter chain and the endpoint, and the error mapping (the
   * envelope, or a 500 with the stack trace in the log). It runs on the calling thread.
   *
   * <p>What only a socket has is not done: the connection cap, the HTTP version check,
   * Undertow's own request parsing (an empty 400 for a bad escape), body timeouts and chunked
   * decoding, 100 Continue, and the connection's persistence ({@code Connection: close}).
   *
   * @param target the request target as sent, {@code /path?query} (not decoded)
   * @param headers the request headers as sent (names case-insensitive); a body needs its {@code
   *     Content-Length} here, as on the wire
   * @param body the body bytes, empty for none
   * @param client the client's address (the access policy trusts loopback)
   * @param secure whether the request counts as having come over TLS
   * @return the response as the server writes it: {@link HttpResponse#headers()} holds every
   *     header it sends ({@code Content-Type} and {@code Content-Length} included), and the body
   *     is empty for HEAD
   */
  public HttpResponse serveInProcess(
      String method,
      String target,
      Map<String, ? extends List<String>> headers,
      byte[] body,
      InetSocketAddress client,
      boolean secure) {
    long start = System.nanoTime();
    int queryAt = target.indexOf('?');
    String rawPath = queryAt < 0 ? target : target.substring(0, queryAt);
    String query = queryAt < 0 ? "" : target.substring(queryAt + 1);
    HeaderMap requestHeaders = new HeaderMap();
    headers.forEach((name, values) -> requestHeaders.addAll(new HttpString(name), values));
    Admission admission = new Admission(rawPath);
    HttpResponse response;
    try {
      checkSizeLimits(target.length(), requestHeaders);
      RequestFraming.Kind framing = framingOf(requestHeaders);
      HttpRequest.Builder request =
          admit(
              admission,
              method,
              rawPath,
              query,
              requestHeaders,
              client,
              new InProcessConnection(secure),
              Optional.empty());
      if (framing != RequestFraming.Kind.NONE) {
        if (body.length > config.maxBodyBytes()) {
          throw tooLarge();
        }
        if (admission.route.spec().acceptsBody()) {
          request.body(body);
        }
      }
      response = respond(admission.route, request.build());
    } catch (EndpointException e) {
      response = ErrorResponses.of(e, admission.path, styleOf(admission.route));
    } catch (RuntimeException | Error e) {
      response =
          internalError(method, masked(rawPath, query), admission.path, styleOf(admission.route), e);
    }
    HttpResponse written =
        HttpResponse.of(
            response.status(),
            response.contentType(),
            method.equals("HEAD") ? new byte[0] : response.bodyBytes());
    for (Map.Entry<String, String> h : wireHeaders(response).entries()) {
      written = written.withHeader(h.getKey(), h.getValue());
    }
    if (config.accessLog() && AccessLog.enabled()) {
      AccessLog.record(
          config.role(),
          String.valueOf(client),
          method,
          masked(rawPath, query),
          written.status(),
          written.bodyBytes().length,
          (System.nanoTime() - start) / 1000);
    }
    return written;
  }

  /** What the dispatcher has learnt of a request so far, for the error it may turn into. */
  private static final class Admission {
    String path;
    Routes.Route route;

    Admission(String rawPath) {
      this.path = rawPath;
    }
  }

  /**
   * The steps every request takes, socket or not: normalises the path and routes it (404), checks
   * the method (405) and the single {@code Authorization}, and binds the parameters (400).
   */
  private HttpRequest.Builder admit(
      Admission admission,
      String methodName,
      String rawPath,
      String query,
      HeaderMap requestHeaders,
      InetSocketAddress client,
      ClientConnection connection,
      Optional<X509Certificate> certificate)
      throws EndpointException {
    String path = RequestPath.normalise(rawPath);
    admission.path = path;
    Routes.Route route = routes.find(path);
    if (route == null) {
      throw EndpointException.notFound(
          "service not found for \"" + ErrorText.path(path.substring(1)) + "\"");
    }
    admission.route = route;
    EndpointSpec spec = route.spec();
    HttpMethod method = methodOf(methodName, spec);
    checkSingleAuthorization(requestHeaders);
    HttpRequest.Builder request =
        HttpRequest.builder(method, path)
            .rawQuery(query)
            .remoteAddress(client)
            .connection(connection)
            .clientCertificate(certificate);
    ParameterBinder.bind(spec, QueryParser.parse(query), request);
    request.headerSource(requestHeaders::getFirst);
    return request;
  }

  /** HTTP/1.0 and 1.1 only; Undertow parses any {@code HTTP/x.y} and would serve it as 1.1. */
  private static void checkProtocol(HttpServerExchange exchange) throws EndpointException {
    HttpString protocol = exchange.getProtocol();
    if (!protocol.equals(Protocols.HTTP_1_1) && !protocol.equals(Protocols.HTTP_1_0)) {
      exchange.setPersistent(false);
      exchange.setProtocol(Protocols.HTTP_1_1);
      throw new EndpointException(
          505, "HTTP version " + ErrorText.bounded(protocol.toString(), 16)
              + " is not supported; use HTTP/1.1 or HTTP/1.0");
    }
  }

  private static RequestFraming.Kind framingOf(HeaderMap headers) throws EndpointException {
    HeaderValues te = headers.get(Headers.TRANSFER_ENCODING);
    HeaderValues cl = headers.get(Headers.CONTENT_LENGTH);
    String expect = headers.getFirst(Headers.EXPECT);
    if (expect != null
        && (headers.count(Headers.EXPECT) > 1 || !expect.equalsIgnoreCase(HttpContinue.CONTINUE))) {
      throw new EndpointException(
          417, "unsupported expectation \"" + ErrorText.bounded(expect, 64)
              + "\"; only 100-continue is supported");
    }
    if (te == null && cl == null) {
      return RequestFraming.Kind.NONE;
    }
    return RequestFraming.of(te == null ? List.of() : te, cl == null ? List.of() : cl);
  }

  /** Two Authorization headers are ambiguous (which one would a proxy have checked?): a 400. */
  private static void checkSingleAuthorization(HeaderMap headers) throws EndpointException {
    HeaderValues values = headers.get(Headers.AUTHORIZATION);
    if (values != null && values.size() > 1) {
      throw EndpointException.badRequest("the request carries more than one Authorization header");
    }
  }


  /** Runs the handler here when it never blocks, otherwise on a worker thread. */
  private void execute(HttpServerExchange exchange, Routes.Route route, HttpRequest.Builder request) {
    if (route.spec().isNonBlocking()) {
      run(exchange, route, request);
    } else {
      exchange.dispatch(() -> run(exchange, route, request));
    }
  }

  private void run(HttpServerExchange exchange, Routes.Route route, HttpRequest.Builder request) {
    HttpRequest built = request.build();
    HttpResponse response;
    try {
      response = respond(route, built);
    } catch (RuntimeException | Error e) {
      sendInternalError(exchange, built.path(), route.spec().errorStyle(), e);
      return;
    }
    send(exchange, response);
  }

  /**
   * Runs the endpoint's filter chain and the endpoint; an {@link EndpointException} becomes its
   * error response, anything else thrown leaves for the caller's 500.
   */
  private static HttpResponse respond(Routes.Route route, HttpRequest built) {
    try {
      HttpResponse response = route.chain().proceed(built);
      if (response == null) {
        throw new IllegalStateException("endpoint returned no response");
      }
      return response;
    } catch (EndpointException e) {
      return ErrorResponses.of(e, built.path(), route.spec().errorStyle());
    }
  }

  private void sendInternalError(
      HttpServerExchange exchange, String path, ErrorStyle style, Throwable e) {
    if (exchange.isResponseStarted()) {
      logFailure(exchange.getRequestMethod().toString(), target(exchange), e);
      exchange.setPersistent(false);
      exchange.endExchange();
      return;
    }
    send(exchange, internalError(exchange.getRequestMethod().toString(), target(exchange), path, style, e));
  }

  /** Logs the failure with its stack trace and answers a 500 that says only where to look. */
  private HttpResponse internalError(
      String method, String loggedTarget, String path, ErrorStyle style, Throwable e) {
    logFailure(method, loggedTarget, e);
    return ErrorResponses.of(
        500,
        "internal error while serving " + path + "; the server log has the details",
        path,
        style,
        ImmutableListMultimap.of());
  }

  private void logFailure(String method, String loggedTarget, Throwable e) {
    log.error("[{}] {} {} failed", config.role(), method, loggedTarget, e);
  }

  /** 414 and 431: the request target's bytes, then the header block's. */
  private void checkSizeLimits(long targetBytes, HeaderMap requestHeaders) throws EndpointException {
    if (targetBytes > config.maxRequestTargetBytes()) {
      throw new EndpointException(
          414,
          "the request target has " + targetBytes + " bytes; the limit is "
              + config.maxRequestTargetBytes());
    }
    long headerBytes = 0;
    for (HeaderValues values : requestHeaders) {
      for (String v : values) {
        headerBytes += values.getHeaderName().length() + v.length() + 4;
      }
    }
    if (headerBytes > config.maxHeaderBytes()) {
      throw new EndpointException(
          431,
          "the request headers have " + headerBytes + " bytes; the limit is " + config.maxHeaderBytes());
    }
  }

  private static HttpMethod methodOf(String name, EndpointSpec spec) throws EndpointException {
    HttpMethod method;
    try {
      method = HttpMethod.valueOf(name);
    } catch (IllegalArgumentException e) {
      method = null;
    }
    if (method == null || !spec.methods().contains(method)) {
      String allowed =
          spec.methods().size() == HttpMethod.values().length
              ? ALL_METHODS
              : spec.methods().stream().map(Enum::name).sorted().collect(Collectors.joining(", "));
      throw new EndpointException(
              405,
              "method " + name + " is not allowed on " + spec.path()
                  + "; use " + allowed)
          .withHeader("Allow", allowed);
    }
    return method;
  }

  private EndpointException tooLarge() {
    return new EndpointException(
        413, "the request body is larger than the limit of " + config.maxBodyBytes() + " bytes");
  }

  private static ErrorStyle styleOf(Routes.Route route) {
    return route == null ? ErrorStyle.json() : route.spec().errorStyle();
  }

  private static void send(HttpServerExchange exchange, HttpResponse response) {
    if (exchange.isResponseStarted() || !exchange.getConnection().isOpen()) {
      log.debug("client of {} went away before the response", exchange.getRequestPath());
      return;
    }
    if (!exchange.isRequestComplete()) {
      // A body nobody read: closing after the response is the only way not to wait for it.
      exchange.setPersistent(false);
    }
    exchange.setStatusCode(response.status());
    exchange.setReasonPhrase(HttpStatusText.of(response.status()));
    HeaderMap headers = exchange.getResponseHeaders();
    for (Map.Entry<String, String> h : wireHeaders(response).entries()) {
      headers.add(HttpString.tryFromString(h.getKey()), h.getValue());
    }
    exchange.getResponseSender().send(ByteBuffer.wrap(response.bodyBytes()));
  }

  /**
   * Every header a response goes out with, in order: {@code Content-Type}, {@code
   * X-Content-Type-Options: nosniff}, the endpoint's and filters' own, then {@code
   * Content-Length} (of the whole body, also for HEAD; one the endpoint set is replaced).
   */
  private static ImmutableListMultimap<String, String> wireHeaders(HttpResponse response) {
    ImmutableListMultimap.Builder<String, String> headers =
        ImmutableListMultimap.<String, String>builder()
            .put(Headers.CONTENT_TYPE_STRING, response.contentType())
            .put(NOSNIFF_HEADER.toString(), "nosniff");
    for (Map.Entry<String, String> h : response.headers().entries()) {
      if (!h.getKey().equalsIgnoreCase(Headers.CONTENT_LENGTH_STRING)) {
        headers.put(h);
      }
    }
    return headers
        .put(Headers.CONTENT_LENGTH_STRING, String.valueOf(response.bodyBytes().length))
        .build();
  }

  private static String target(HttpServerExchange exchange) {
    EndpointSpec spec = exchange.getAttachment(ROUTED_SPEC);
    String query =
        spec == null
            ? SecretValues.maskQuery(exchange.getQueryString())
            : SecretValues.maskQuery(exchange.getQueryString(), spec::isSecretParameter);
    return query.isEmpty() ? exchange.getRequestURI() : exchange.getRequestURI() + '?' + query;
  }

  /** The target for the logs, secret parameter values masked. */
  private static String masked(String uri, String rawQuery) {
    String query = SecretValues.maskQuery(rawQuery);
    return query.isEmpty() ? uri : uri + '?' + query;
  }

  /** The connection of an in-process request: always open, TLS when the server serves TLS. */
  private record InProcessConnection(boolean isSecure) implements ClientConnection {
    @Override
    public boolean isOpen() {
      return true;
    }

    @Override
    public void onClose(Runnable listener) {}
  }
}
