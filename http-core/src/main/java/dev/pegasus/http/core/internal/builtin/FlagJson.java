package dev.pegasus.http.core.internal.builtin;

import dev.pegasus.http.core.Flag;
import dev.pegasus.http.core.TableJsonWriter;

/** One flag as Pegasus's table-style JSON object, keys in its order (reference §3.1). */
final class FlagJson {

  private FlagJson() {}

  static TableJsonWriter fields(TableJsonWriter json, Flag<?> flag) {
    return json.field("name", flag.name())
        .field("section", flag.section())
        .field("type", flag.type().wireName())
        .field("tags", flag.isMutable() ? "flag_tag::FT_MUTABLE" : "")
        .field("description", flag.description())
        .field("value", flag.printedValue());
  }
}
