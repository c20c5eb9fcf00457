package dev.pegasus.http.core.spi;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ImmutableMap;
import com.google.common.net.HttpHeaders;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * A validated request as an endpoint sees it: the method, the normalised path, the raw query, the
 * typed values of the declared parameters, the headers, the body (bounded by the server's limit)
 * and the client's connection.
 */
public final class HttpRequest {

  private final HttpMethod method;
  private final String path;
  private final String rawQuery;
  private final ImmutableMap<String, String> rawValues;
  private final ImmutableMap<String, Object> values;
  private final Function<String, String> headers;
  private final byte[] body;
  private final InetSocketAddress remoteAddress;
  private final ClientConnection connection;
  private final Object jsonBody;
  private final X509Certificate clientCertificate;

  private HttpRequest(Builder b) {
    this.method = b.method;
    this.path = b.path;
    this.rawQuery = b.rawQuery;
    this.rawValues = b.rawValues == null ? ImmutableMap.of() : b.rawValues.buildKeepingLast();
    this.values = b.values == null ? ImmutableMap.of() : b.values.buildKeepingLast();
    if (b.headerSource != null) {
      this.headers = b.headerSource;
    } else {
      ImmutableListMultimap<String, String> copied = b.headers == null ? ImmutableListMultimap.of() : b.headers.build();
      this.headers = name -> copied.get(name.toLowerCase(Locale.ROOT)).stream().findFirst().orElse(null);
    }
    this.body = b.body;
    this.remoteAddress = b.remoteAddress;
    this.connection = b.connection;
    this.jsonBody = b.jsonBody;
    this.clientCertificate = b.clientCertificate;
  }

  /** Used by the framework, and by tests that call a handler directly. */
  public static Builder builder(HttpMethod method, String path) {
    return new Builder(method, path);
  }

  public HttpMethod method() {
    return method;
  }

  /** The normalised path: {@code //pprof///heap/} arrives as {@code /pprof/heap}. */
  public String path() {
    return path;
  }

  /** The query exactly as the client sent it, without the {@code ?}; empty when there is none. */
  public String rawQuery() {
    return rawQuery;
  }

  /** The decoded parameter values by name, in the order the client sent them. */
  public ImmutableMap<String, String> parameterValues() {
    return rawValues;
  }

  /** Whether a declared flag is set; false when absent. */
  public boolean flag(String name) {
    Object v = values.get(name);
    return v instanceof Boolean && (Boolean) v;
  }

  /** The decoded value of a declared string parameter. */
  public Optional<String> string(String name) {
    Object v = values.get(name);
    return v instanceof String ? Optional.of((String) v) : Optional.empty();
  }

  /** The value of a declared integer parameter. */
  public OptionalLong integer(String name) {
    Object v = values.get(name);
    return v instanceof Long ? OptionalLong.of((Long) v) : OptionalLong.empty();
  }

  /** The first value of a header, matched case-insensitively. */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.apply(name));
  }

  /** True when the Accept header names this media type (e.g. {@code text/html}) explicitly. */
  public boolean accepts(String mediaType) {
    return header(HttpHeaders.ACCEPT)
        .map(a -> a.toLowerCase(Locale.ROOT).contains(mediaType.toLowerCase(Locale.ROOT)))
        .orElse(false);
  }

  /** The request body; empty for requests without one. */
  public byte[] body() {
    return body.clone();
  }

  /** The body decoded as UTF-8. */
  public String bodyAsString() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * The JSON body, decoded before the handler ran into the record its spec declares ({@link
   * EndpointSpec.Builder#jsonBody(Class)}).
   *
   * @throws IllegalArgumentException when the spec declares no JSON body of this type
   */
  public <T> T jsonBody(Class<T> type) {
    if (!type.isInstance(jsonBody)) {
      throw new IllegalArgumentException(
          path + " declares no JSON body of type " + type.getName());
    }
    return type.cast(jsonBody);
  }

  /** This request with its body decoded into {@code decoded}; used by the framework. */
  public HttpRequest withJsonBody(Object decoded) {
    return new HttpRequest(this, decoded);
  }

  private HttpRequest(HttpRequest other, Object jsonBody) {
    this.method = other.method;
    this.path = other.path;
    this.rawQuery = other.rawQuery;
    this.rawValues = other.rawValues;
    this.values = other.values;
    this.headers = other.headers;
    this.body = other.body;
    this.remoteAddress = other.remoteAddress;
    this.connection = other.connection;
    this.clientCertificate = other.clientCertificate;
    this.jsonBody = jsonBody;
  }

  /** The client's TLS certificate, when the handshake verified it against the server's client CA. */
  public Optional<X509Certificate> clientCertificate() {
    return Optional.ofNullable(clientCertificate);
  }

  public InetSocketAddress remoteAddress() {
    return remoteAddress;
  }

  public ClientConnection connection() {
    return connection;
  }

  /** Builds an {@link HttpRequest}. */
  public static final class Builder {
    private final HttpMethod method;
    private final String path;
    private String rawQuery = "";
    // Created on first use: most requests have no parameters and the server reads headers lazily.
    private ImmutableMap.Builder<String, String> rawValues;
    private ImmutableMap.Builder<String, Object> values;
    private ImmutableListMultimap.Builder<String, String> headers;
    private Function<String, String> headerSource;
    private byte[] body = new byte[0];
    private InetSocketAddress remoteAddress = new InetSocketAddress("127.0.0.1", 0);
    private ClientConnection connection = ClientConnection.ALWAYS_OPEN;
    private Object jsonBody;
    private X509Certificate clientCertificate;

    private Builder(HttpMethod method, String path) {
      this.method = method;
      this.path = path;
    }

    public Builder rawQuery(String rawQuery) {
      this.rawQuery = rawQuery;
      return this;
    }

    /** Records a parameter's decoded text and its typed value (Boolean, String or Long). */
    public Builder value(String name, String raw, Object typed) {
      checkArgument(
          typed instanceof Boolean || typed instanceof String || typed instanceof Long,
          "unsupported value type for %s: %s",
          name,
          typed);
      if (rawValues == null) {
        rawValues = ImmutableMap.builder();
        values = ImmutableMap.builder();
      }
      rawValues.put(name, raw);
      values.put(name, typed);
      return this;
    }

    public Builder header(String name, String value) {
      if (headers == null) {
        headers = ImmutableListMultimap.builder();
      }
      headers.put(name.toLowerCase(Locale.ROOT), value);
      return this;
    }

    /**
     * Reads headers through this function (a case-insensitive lookup of the first value, null when
     * absent) instead of copying them; what the server does.
     */
    public Builder headerSource(Function<String, String> firstValueByName) {
      this.headerSource = firstValueByName;
      return this;
    }

    public Builder headers(Map<String, ? extends Iterable<String>> all) {
      all.forEach((k, vs) -> vs.forEach(v -> header(k, v)));
      return this;
    }

    public Builder body(byte[] body) {
      this.body = body.clone();
      return this;
    }

    /** The decoded JSON body (the framework decodes it; tests may set it directly). */
    public Builder jsonBody(Object decoded) {
      this.jsonBody = decoded;
      return this;
    }

    /** A client certificate the TLS handshake verified. */
    public Builder clientCertificate(Optional<X509Certificate> certificate) {
      this.clientCertificate = certificate.orElse(null);
      return this;
    }

    public Builder remoteAddress(InetSocketAddress remoteAddress) {
      this.remoteAddress = remoteAddress;
      return this;
    }

    public Builder connection(ClientConnection connection) {
      this.connection = connection;
      return this;
    }

    public HttpRequest build() {
      return new HttpRequest(this);
    }
  }
}
