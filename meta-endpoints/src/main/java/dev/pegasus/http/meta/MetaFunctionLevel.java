package dev.pegasus.http.meta;

import java.util.Locale;

/**
 * How much the meta server may do on its own (Pegasus's {@code meta_function_level}), printed by
 * {@code /meta/cluster} in lower case without the {@code fl_} prefix, e.g. {@code steady}.
 */
public enum MetaFunctionLevel {
  STOPPED,
  BLIND,
  FREEZED,
  STEADY,
  LIVELY;

  /** The name {@code /meta/cluster} prints, e.g. {@code steady}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
