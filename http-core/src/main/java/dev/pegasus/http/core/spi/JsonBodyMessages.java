package dev.pegasus.http.core.spi;

/**
 * Words the 400 for a JSON body that could not be decoded. The default names the field and the
 * problem ({@code field "partition_count": expected an integer, got a string}); an endpoint that
 * must answer with Pegasus's own text replaces it.
 */
@FunctionalInterface
public interface JsonBodyMessages {

  /** The framework's wording: {@code invalid JSON body: <problem>}. */
  JsonBodyMessages DEFAULT = problem -> "invalid JSON body: " + problem.describe();

  /** The message of the 400 for this problem. */
  String messageFor(JsonBodyProblem problem);
}
