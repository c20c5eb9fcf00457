package dev.pegasus.http.core.internal;

import java.util.regex.Pattern;

/** A path pattern in which {@code *} matches any run of characters, {@code /} included. */
public final class PathPattern {

  private final String text;
  private final Pattern regex;

  public PathPattern(String text) {
    this.text = text;
    StringBuilder re = new StringBuilder();
    for (String literal : text.split("\\*", -1)) {
      if (re.length() > 0) {
        re.append(".*");
      }
      re.append(Pattern.quote(literal));
    }
    this.regex = Pattern.compile(re.toString());
  }

  public boolean matches(String path) {
    return regex.matcher(path).matches();
  }

  @Override
  public String toString() {
    return text;
  }
}
