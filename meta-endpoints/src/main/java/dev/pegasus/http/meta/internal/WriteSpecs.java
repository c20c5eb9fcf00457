package dev.pegasus.http.meta.internal;

import dev.pegasus.http.core.spi.EndpointSpec;

/** The specs of the meta's JSON-body write operations. */
final class WriteSpecs {

  private WriteSpecs() {}

  /**
   * A write operation (POST, token or loopback, cross-site refusal, audit) whose help is {@code
   * "<usage>. <summary>"}; its body is decoded strictly with Pegasus's wording only when the
   * operations are {@code enabled}, so that a meta without them answers its 404 whatever the body.
   */
  static EndpointSpec json(String path, String usage, String summary, Class<?> body, boolean enabled) {
    EndpointSpec.Builder spec = EndpointSpec.builder(path).summary(summary).usage(usage).changesState();
    if (enabled) {
      spec.jsonBody(body, PegasusBodyMessages.INSTANCE);
    }
    return spec.build();
  }
}
