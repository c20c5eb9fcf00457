package dev.pegasus.http.core.spi;

import java.util.Optional;

/**
 * Why a JSON body was refused: the field it concerns (a JSON pointer such as {@code /ingest_behind},
 * empty for the body as a whole) and what was wrong with it.
 */
public record JsonBodyProblem(Optional<String> field, String problem) {

  /** {@code field "x": problem}, or the problem alone. */
  public String describe() {
    return field.map(f -> "field \"" + f + "\": " + problem).orElse(problem);
  }
}
