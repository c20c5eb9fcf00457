package dev.pegasus.http.core.spi;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * A filter with the paths it applies to: patterns where {@code *} matches any run of characters
 * ({@code /meta/*}); no pattern means every path. A name, for logs and the documented order.
 */
public record ScopedFilter(String name, HttpFilter filter, ImmutableList<String> pathPatterns) {

  /** Checks the patterns. */
  public ScopedFilter {
    checkArgument(!name.isEmpty(), "a filter needs a name");
    for (String p : pathPatterns) {
      checkArgument(p.startsWith("/"), "a path pattern starts with /: \"%s\"", p);
    }
  }

  /** {@code filter} on the paths matching {@code patterns} (every path when there are none). */
  public static ScopedFilter of(String name, HttpFilter filter, String... patterns) {
    return new ScopedFilter(name, filter, ImmutableList.copyOf(patterns));
  }

  /** {@code filter} on the paths matching {@code patterns}. */
  public static ScopedFilter of(String name, HttpFilter filter, List<String> patterns) {
    return new ScopedFilter(name, filter, ImmutableList.copyOf(patterns));
  }
}
