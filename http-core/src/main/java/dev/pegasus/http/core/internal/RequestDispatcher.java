package dev.pegasus.http.core.internal;

import com.google.common.collect.ImmutableListMultimap;
import dev.pegasus.http.core.Flag;
import dev.pegasus.http.core.ServerConfig;
import dev.pegasus.http.core.internal.tls.ClientCertificates;
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
import java.nio.ByteBuffer;
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
    String path = exchange.getRequestPath();
    Routes.Route route = null;
    try {
      EndpointException refusal = connectionLimiter.refusalFor(exchange.getSourceAddress());
      if (refusal != null) {
        exchange.setPersistent(false);
        throw refusal;
      }
      checkProtocol(exchange);
      checkSizeLimits(exchange);
      RequestFraming.Kind framing = framingOf(exchange);
      path = RequestPath.normalise(exchange.getRequestPath());
      route = routes.find(path);
      if (route == null) {
        throw EndpointException.notFound(
            "service not found for \"" + ErrorText.path(path.substring(1)) + "\"");
      }
      EndpointSpec spec = route.spec();
      if (logged) {
        exchange.putAttachment(ROUTED_SPEC, spec); // so that the log masks its secret parameters
      }
      HttpMethod method = methodOf(exchange, spec);
      checkSingleAuthorization(exchange);
      HttpRequest.Builder request =
          HttpRequest.builder(method, path)
              .rawQuery(exchange.getQueryString())
              .remoteAddress(exchange.getSourceAddress())
              .connection(new UndertowClientConnection(exchange))
              .clientCertificate(ClientCertificates.verified(exchange));
      ParameterBinder.bind(spec, QueryParser.parse(exchange.getQueryString()), request);
      HeaderMap requestHeaders = exchange.getRequestHeaders();
      request.headerSource(requestHeaders::getFirst);
      if (framing == RequestFraming.Kind.NONE) {
        execute(exchange, route, request);
        return;
      }
      if (exchange.getRequestContentLength() > config.maxBodyBytes()) {
        throw tooLarge();
      }
      Routes.Route target = route;
      String targetPath = path;
      if (!spec.acceptsBody() && HttpContinue.requiresContinueResponse(exchange)) {
        // The client waits for our word before sending a body nobody would read: answer at once,
        // without 100 Continue, and close so that a body sent anyway is never taken for a request.
        exchange.setPersistent(false);
        execute(exchange, target, request);
        return;
      }
      // Bodies the endpoint does not read are received and dropped under the same deadline.
      BodyReceiver.receive(
          exchange,
          framing,
          spec.acceptsBody(),
          config.maxBodyBytes(),
          config.requestParseTimeout(),
          body -> execute(exchange, target, spec.acceptsBody() ? request.body(body) : request),
          error -> send(exchange, ErrorResponses.of(error, targetPath, spec.errorStyle())));
    } catch (EndpointException e) {
      send(exchange, ErrorResponses.of(e, path, styleOf(route)));
    } catch (RuntimeException e) {
      sendInternalError(exchange, path, styleOf(route), e);
    }
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

  private static RequestFraming.Kind framingOf(HttpServerExchange exchange) throws EndpointException {
    HeaderMap headers = exchange.getRequestHeaders();
    HeaderValues te = headers.get(Headers.TRANSFER_ENCODING);
    HeaderValues cl = headers.get(Headers.CONTENT_LENGTH);
    String expect = headers.getFirst(Headers.EXPECT);
    try {
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
    } catch (EndpointException e) {
      exchange.setPersistent(false);
      throw e;
    }
  }

  /** Two Authorization headers are ambiguous (which one would a proxy have checked?): a 400. */
  private static void checkSingleAuthorization(HttpServerExchange exchange) throws EndpointException {
    HeaderValues values = exchange.getRequestHeaders().get(Headers.AUTHORIZATION);
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
      response = route.chain().proceed(built);
      if (response == null) {
        throw new IllegalStateException("endpoint returned no response");
      }
    } catch (EndpointException e) {
      response = ErrorResponses.of(e, built.path(), route.spec().errorStyle());
    } catch (RuntimeException | Error e) {
      sendInternalError(exchange, built.path(), route.spec().errorStyle(), e);
      return;
    }
    send(exchange, response);
  }

  private void sendInternalError(
      HttpServerExchange exchange, String path, ErrorStyle style, Throwable e) {
    log.error("[{}] {} {} failed", config.role(), exchange.getRequestMethod(), target(exchange), e);
    if (exchange.isResponseStarted()) {
      exchange.setPersistent(false);
      exchange.endExchange();
      return;
    }
    send(
        exchange,
        ErrorResponses.of(
            500,
            "internal error while serving " + path + "; the server log has the details",
            path,
            style,
            ImmutableListMultimap.of()));
  }

  private void checkSizeLimits(HttpServerExchange exchange) throws EndpointException {
    String query = exchange.getQueryString();
    long targetBytes = exchange.getRequestURI().length() + (query.isEmpty() ? 0 : query.length() + 1);
    if (targetBytes > config.maxRequestTargetBytes()) {
      exchange.setPersistent(false);
      throw new EndpointException(
          414,
          "the request target has " + targetBytes + " bytes; the limit is "
              + config.maxRequestTargetBytes());
    }
    long headerBytes = 0;
    for (HeaderValues values : exchange.getRequestHeaders()) {
      for (String v : values) {
        headerBytes += values.getHeaderName().length() + v.length() + 4;
      }
    }
    if (headerBytes > config.maxHeaderBytes()) {
      exchange.setPersistent(false);
      throw new EndpointException(
          431,
          "the request headers have " + headerBytes + " bytes; the limit is " + config.maxHeaderBytes());
    }
  }

  private static HttpMethod methodOf(HttpServerExchange exchange, EndpointSpec spec)
      throws EndpointException {
    HttpMethod method;
    try {
      method = HttpMethod.valueOf(exchange.getRequestMethod().toString());
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
              "method " + exchange.getRequestMethod() + " is not allowed on " + spec.path()
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
    headers.put(Headers.CONTENT_TYPE, response.contentType());
    headers.put(NOSNIFF_HEADER, "nosniff");
    for (Map.Entry<String, String> h : response.headers().entries()) {
      headers.add(HttpString.tryFromString(h.getKey()), h.getValue());
    }
    byte[] body = response.bodyBytes();
    headers.put(Headers.CONTENT_LENGTH, body.length);
    exchange.getResponseSender().send(ByteBuffer.wrap(body));
  }

  private static String target(HttpServerExchange exchange) {
    EndpointSpec spec = exchange.getAttachment(ROUTED_SPEC);
    String query =
        spec == null
            ? SecretValues.maskQuery(exchange.getQueryString())
            : SecretValues.maskQuery(exchange.getQueryString(), spec::isSecretParameter);
    return query.isEmpty() ? exchange.getRequestURI() : exchange.getRequestURI() + '?' + query;
  }

}
