package dev.pegasus.http.core.internal.filters;

import dev.pegasus.http.core.internal.AccessPolicy;
import dev.pegasus.http.core.internal.QueryParser;
import dev.pegasus.http.core.internal.SecretValues;
import dev.pegasus.http.core.spi.EndpointException;
import dev.pegasus.http.core.spi.EndpointSpec;
import dev.pegasus.http.core.spi.HttpFilter;
import dev.pegasus.http.core.spi.HttpRequest;
import dev.pegasus.http.core.spi.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.StringJoiner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one line per call of a write operation to the {@code dev.pegasus.http.audit} logger, refused
 * calls included: the time, the client, how it was admitted, the method, the path, the parameters
 * (values of parameters whose name says token, password or secret shown as {@code ******}) and
 * the status. The line is written when the call is answered.
 */
public final class AuditFilter implements HttpFilter {

  /** The logger audit lines go to; route it to its own file in production. */
  public static final String LOGGER = "dev.pegasus.http.audit";

  private static final Logger audit = LoggerFactory.getLogger(LOGGER);

  private final AccessPolicy policy;
  private final String role;

  public AuditFilter(AccessPolicy policy, String role) {
    this.policy = policy;
    this.role = role;
  }

  @Override
  public HttpResponse filter(HttpRequest request, EndpointSpec spec, Chain next)
      throws EndpointException {
    AccessPolicy.Admission admission =
        policy.admission(
            spec,
            request.remoteAddress().getAddress(),
            request.header("Authorization"),
            request.clientCertificate());
    int status = 500;
    try {
      HttpResponse response = next.proceed(request);
      status = response.status();
      return response;
    } catch (EndpointException e) {
      status = e.status();
      throw e;
    } finally {
      audit.info(
          "[{}] time={} client={} admitted={} method={} path={} params={} status={}",
          role,
          Instant.now(),
          request.remoteAddress(),
          admission.label(),
          request.method(),
          request.path(),
          parameters(spec, request.rawQuery()),
          status);
    }
  }

  /** Every parameter the client sent (declared or not), secret values masked. */
  private static String parameters(EndpointSpec spec, String rawQuery) {
    Map<String, String> values;
    try {
      values = QueryParser.parse(rawQuery);
    } catch (EndpointException e) {
      return "(unparsable)";
    }
    StringJoiner out = new StringJoiner(", ", "{", "}");
    values.forEach(
        (name, value) ->
            out.add(name + "=" + (spec.isSecretParameter(name) ? SecretValues.MASK : quote(value))));
    return out.toString();
  }

  private static String quote(String value) {
    return "\"" + dev.pegasus.http.core.internal.ErrorText.bounded(value, 256).replace("\"", "\\\"") + "\"";
  }
}
