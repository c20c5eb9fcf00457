package dev.pegasus.http.profiler.internal;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Symbol round trips as both pprof clients do them. */
final class SymbolTableTest {

  private final SymbolTable symbols = new SymbolTable(100);

  @Test
  void addressesAreStableAndDistinct() {
    long a = symbols.address("app.A.run");
    long b = symbols.address("app.B.run");
    assertThat(symbols.address("app.A.run")).isEqualTo(a);
    assertThat(b - a).isEqualTo(16L);
    assertThat(a).isEqualTo(SymbolTable.BASE + 8);
  }

  @Test
  void addressAndAddressMinusOneResolveToTheSameName() {
    long a = symbols.address("app.A.run");
    symbols.address("app.B.run");
    assertThat(symbols.nameAt(a)).hasValue("app.A.run");
    assertThat(symbols.nameAt(a - 1)).hasValue("app.A.run");
    assertThat(symbols.nameAt(a + 7)).hasValue("app.A.run");
    assertThat(symbols.nameAt(a + 8)).hasValue("app.B.run");
  }

  @Test
  void addressesOutsideTheTableAreUnknown() {
    symbols.address("app.A.run");
    assertThat(symbols.nameAt(0)).isEmpty();
    assertThat(symbols.nameAt(SymbolTable.BASE - 1)).isEmpty();
    assertThat(symbols.nameAt(SymbolTable.BASE + 16)).isEmpty();
    assertThat(symbols.nameAt(-1L)).isEmpty();
  }

  @Test
  void aFullTableMapsNewNamesToOneMarker() {
    SymbolTable small = new SymbolTable(2);
    small.address("a");
    small.address("b");
    long c = small.address("c");
    assertThat(small.address("d")).isEqualTo(c);
    assertThat(small.nameAt(c)).hasValue("[symbol table full]");
    assertThat(small.size()).isEqualTo(3);
  }

  @Test
  void roundTripOfPlusSeparatedUnpaddedAddressesAsGoPprofSendsThem() {
    long a = symbols.address("app.A.run");
    long b = symbols.address("app.B.run");
    String body = String.format("%#x+%#x", a - 1, b);
    assertThat(SymbolRequest.answer(SymbolRequest.parse(body), symbols))
        .isEqualTo(
            String.format("0x%016x\tapp.A.run\n0x%016x\tapp.B.run\n", a - 1, b));
  }

  @Test
  void roundTripOfPaddedAddressesAsThePerlClientSendsThem() {
    long a = symbols.address("app.A.run");
    String body = String.format("0x%016x+0x%016x", a - 1, a);
    assertThat(SymbolRequest.answer(SymbolRequest.parse(body), symbols))
        .isEqualTo(String.format("0x%016x\tapp.A.run\n0x%016x\tapp.A.run\n", a - 1, a));
  }

  @Test
  void whitespaceQuotesUppercaseAndMissingPrefixAreAccepted() {
    assertThat(SymbolRequest.parse("'0x10000018 0X1000002A\n10000038\t+ +0x1'"))
        .containsExactly(0x10000018L, 0x1000002aL, 0x10000038L, 1L)
        .inOrder();
    assertThat(SymbolRequest.parse("\"0x10\"")).containsExactly(0x10L);
    assertThat(SymbolRequest.parse("")).isEmpty();
    assertThat(SymbolRequest.parse("0xffffffffffffffff")).containsExactly(-1L);
  }

  @Test
  void unknownAddressesEchoTheAddressAsTheirName() {
    assertThat(SymbolRequest.answer(List.of(0x42L), symbols))
        .isEqualTo("0x0000000000000042\t0x0000000000000042\n");
  }

  @Test
  void garbageAndTooLongTokensAreRejectedWithTheToken() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SymbolRequest.parse("0x10+main"));
    assertThat(e).hasMessageThat().contains("\"main\"");
    assertThrows(IllegalArgumentException.class, () -> SymbolRequest.parse("0x10000000000000000"));
    assertThrows(IllegalArgumentException.class, () -> SymbolRequest.parse("0x"));
  }
}
