package dev.pegasus.http.profiler.internal;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Synthetic addresses for function names, so that the legacy formats (which carry only program
 * counters) can be symbolized through {@code /pprof/symbol}. Append-only: an address handed out
 * stays valid for the life of the table, between a profile and its symbol request and across
 * profiles (for {@code --base} diffs).
 *
 * <p>Symbol {@code id} owns the 16-byte range {@code [BASE + 16·id, BASE + 16·id + 16)}; profiles
 * carry the address at range start + 8, so both the address and the clients' {@code address − 1}
 * (pprof decrements caller, and for heap profiles all, addresses before symbolizing) resolve to
 * the same name. Beyond {@code capacity} names every new name maps to one {@code [symbol table
 * full]} entry, so a process that keeps generating classes cannot grow the table without bound.
 */
public final class SymbolTable {

  /** The start of the first range: non-zero, so that no valid address is 0. */
  public static final long BASE = 0x10000000L;

  static final int RANGE = 16;
  static final String FULL = "[symbol table full]";

  private final int capacity;
  private final Map<String, Integer> ids = new HashMap<>();
  private final List<String> names = new ArrayList<>();

  public SymbolTable(int capacity) {
    checkArgument(capacity >= 1, "capacity must be >= 1");
    this.capacity = capacity;
  }

  /** The address of a function name, adding it when it is new. */
  public synchronized long address(String name) {
    Integer id = ids.get(name);
    if (id == null) {
      if (names.size() >= capacity) {
        return address(FULL.equals(name) ? FULL : fullMarker());
      }
      id = names.size();
      names.add(name);
      ids.put(name, id);
    }
    return BASE + (long) RANGE * id + RANGE / 2;
  }

  private String fullMarker() {
    if (!ids.containsKey(FULL)) {
      ids.put(FULL, names.size());
      names.add(FULL);
    }
    return FULL;
  }

  /** The name whose range holds this address, if any. */
  public synchronized Optional<String> nameAt(long address) {
    if (Long.compareUnsigned(address, BASE) < 0) {
      return Optional.empty();
    }
    long id = Long.divideUnsigned(address - BASE, RANGE);
    return id < names.size() ? Optional.of(names.get((int) id)) : Optional.empty();
  }

  /** The number of names. */
  public synchronized int size() {
    return names.size();
  }

  /** The first address past the last range handed out. */
  public synchronized long limit() {
    return BASE + (long) RANGE * Math.max(1, names.size());
  }
}
