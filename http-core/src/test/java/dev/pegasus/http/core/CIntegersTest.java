package dev.pegasus.http.core;

import static com.google.common.truth.Truth.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class CIntegersTest {

  @Test
  void readsCsBaseZeroSyntaxOverTheWholeText() {
    assertThat(CIntegers.parse(" 0x10")).hasValue(BigInteger.valueOf(16));
    assertThat(CIntegers.parse("010")).hasValue(BigInteger.valueOf(8));
    assertThat(CIntegers.parse("+7")).hasValue(BigInteger.valueOf(7));
    assertThat(CIntegers.parse("\t-12")).hasValue(BigInteger.valueOf(-12));
    for (String bad : new String[] {"", " ", "1e3", "12 ", "0x", "08", "0xg", "--1", "１"}) {
      assertThat(CIntegers.parse(bad)).isEmpty();
    }
  }

  @Test
  void rangesAndUnsignedRules() {
    assertThat(CIntegers.signed("2147483647", Integer.MIN_VALUE, Integer.MAX_VALUE)).hasValue(2147483647L);
    assertThat(CIntegers.signed("2147483648", Integer.MIN_VALUE, Integer.MAX_VALUE)).isEmpty();
    assertThat(CIntegers.signed("-9223372036854775808", Long.MIN_VALUE, Long.MAX_VALUE)).hasValue(Long.MIN_VALUE);
    assertThat(CIntegers.unsigned("-0", CIntegers.UINT64_MAX)).hasValue(BigInteger.ZERO);
    assertThat(CIntegers.unsigned("-1", CIntegers.UINT64_MAX)).isEmpty();
    assertThat(CIntegers.unsigned("18446744073709551615", CIntegers.UINT64_MAX)).hasValue(CIntegers.UINT64_MAX);
    assertThat(CIntegers.unsigned("18446744073709551616", CIntegers.UINT64_MAX)).isEmpty();
  }
}
