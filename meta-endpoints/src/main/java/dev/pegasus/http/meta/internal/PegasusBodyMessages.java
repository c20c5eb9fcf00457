package dev.pegasus.http.meta.internal;

import dev.pegasus.http.core.spi.JsonBodyMessages;
import dev.pegasus.http.core.spi.JsonBodyProblem;

/**
 * Pegasus's one text for a JSON body it cannot decode, {@code invalid request structure}; a body
 * that lacks a field (which upstream accepts and reads as an empty or uninitialised value) gets the
 * field's name after it: {@code invalid request structure: field "target_level" is missing}.
 */
final class PegasusBodyMessages implements JsonBodyMessages {

  static final PegasusBodyMessages INSTANCE = new PegasusBodyMessages();
  static final String INVALID = "invalid request structure";

  private PegasusBodyMessages() {}

  @Override
  public String messageFor(JsonBodyProblem problem) {
    if (problem.problem().equals("missing") && problem.field().isPresent()) {
      return INVALID + ": field \"" + problem.field().get().substring(1) + "\" is missing";
    }
    return INVALID;
  }
}
