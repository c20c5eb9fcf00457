package dev.pegasus.http.core.internal;


/**
 * Recognises values that must not reach a log: those of parameters whose name says token,
 * password, passwd, secret or credential. The access and audit logs show them as {@code ******}.
 */
public final class SecretValues {

  /** What a secret value is shown as. */
  public static final String MASK = "******";


  private SecretValues() {}

  /** True when a parameter of this name holds a secret. */
  public static boolean isSecretName(String name) {
    return dev.pegasus.http.core.spi.EndpointSpec.looksSecret(name);
  }

  /**
   * {@code query} (raw, as sent) with the value of every secret-named parameter masked; the query
   * itself when it has none, without allocating.
   */
  public static String maskQuery(String query) {
    // The name rule also finds a secret name anywhere in the whole query: a cheap first look.
    if (query.isEmpty() || !isSecretName(query)) {
      return query;
    }
    return maskQuery(query, SecretValues::isSecretName);
  }

  /** {@code query} with the values of the parameters {@code isSecret} names masked. */
  public static String maskQuery(String query, java.util.function.Predicate<String> isSecret) {
    if (query.isEmpty()) {
      return query;
    }
    StringBuilder out = new StringBuilder(query.length());
    for (String part : query.split("&", -1)) {
      if (out.length() > 0) {
        out.append('&');
      }
      int eq = part.indexOf('=');
      String name = eq < 0 ? part : part.substring(0, eq);
      if (eq >= 0 && isSecret.test(decodedOrRaw(name))) {
        out.append(name).append('=').append(MASK);
      } else {
        out.append(part);
      }
    }
    return out.toString();
  }

  private static String decodedOrRaw(String name) {
    try {
      return PercentDecoder.decode(name);
    } catch (dev.pegasus.http.core.spi.EndpointException e) {
      return name;
    }
  }
}
