package dev.pegasus.http.profiler.internal;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

final class FrameNamesTest {

  // Every raw name below was reported by JFR or GC.class_histogram for a small workload (lambdas,
  // a method reference, a proxy, reflection, a method handle, string concatenation) on
  // OpenJDK 17.0.15 and Temurin 25.0.3.

  @Test
  void jdk17JfrLambdaLosesItsNumberAddressAndHash() {
    assertThat(FrameNames.className("app.Probe$$Lambda$230+0x00007f78e8150a08.306115458"))
        .isEqualTo("app.Probe$$Lambda");
  }

  @Test
  void jdk25JfrLambdaLosesItsAddress() {
    assertThat(FrameNames.className("dev.pegasus.http.profiler.Workload$$Lambda.0x00000000402cf168"))
        .isEqualTo("dev.pegasus.http.profiler.Workload$$Lambda");
  }

  @Test
  void jdk17HistogramLambdaLosesItsNumberAndAddress() {
    assertThat(FrameNames.className("app.Probe$$Lambda$65/0x00007eff3c000a10"))
        .isEqualTo("app.Probe$$Lambda");
    // From the CDS archive: a short address.
    assertThat(FrameNames.className("java.util.regex.Pattern$CharPredicate$$Lambda$21/0x80000002d"))
        .isEqualTo("java.util.regex.Pattern$CharPredicate$$Lambda");
  }

  @Test
  void jdk25HistogramLambdaLosesItsAddress() {
    assertThat(FrameNames.className("app.Probe$$Lambda/0x0000000080040218"))
        .isEqualTo("app.Probe$$Lambda");
    assertThat(FrameNames.className("java.util.regex.Pattern$$Lambda/0x800000027"))
        .isEqualTo("java.util.regex.Pattern$$Lambda");
  }

  @Test
  void jdk17JfrLambdaFormsLoseTheirAddressAndHash() {
    assertThat(FrameNames.className("java.lang.invoke.LambdaForm$MH+0x00007fed98008800.48914743"))
        .isEqualTo("java.lang.invoke.LambdaForm$MH");
    assertThat(FrameNames.className("java.lang.invoke.LambdaForm$DMH+0x00007fed9800cc00.1564984895"))
        .isEqualTo("java.lang.invoke.LambdaForm$DMH");
  }

  @Test
  void jdk25JfrLambdaFormsAndStringConcatLoseTheirAddress() {
    assertThat(FrameNames.className("java.lang.invoke.LambdaForm$MH.0x0000000018048c00"))
        .isEqualTo("java.lang.invoke.LambdaForm$MH");
    assertThat(FrameNames.className("java.lang.invoke.LambdaForm$DMH.0x0000000018045800"))
        .isEqualTo("java.lang.invoke.LambdaForm$DMH");
    assertThat(FrameNames.className("java.lang.String$$StringConcat.0x000000001804a000"))
        .isEqualTo("java.lang.String$$StringConcat");
  }

  @Test
  void hiddenClassRealNamesLoseTheirAddress() {
    // Class.getName() of a hidden class, and what the histogram prints for them.
    assertThat(FrameNames.className("java.lang.invoke.LambdaForm$MH/0x0000000800c0b000"))
        .isEqualTo("java.lang.invoke.LambdaForm$MH");
    assertThat(FrameNames.className("java.lang.String$$StringConcat/0x0000000080052400"))
        .isEqualTo("java.lang.String$$StringConcat");
  }

  @Test
  void functionNamesOfHiddenClassesAreStableOnBothJdks() {
    assertThat(FrameNames.function("app.Workload$$Lambda$65+0x00007fed98000a10.592959754", "run"))
        .isEqualTo("app.Workload$$Lambda.run");
    assertThat(FrameNames.function("app.Workload$$Lambda.0x0000000018040218", "run"))
        .isEqualTo("app.Workload$$Lambda.run");
    assertThat(FrameNames.sourceFile(FrameNames.className("app.Workload$$Lambda.0x0000000018040218")))
        .isEqualTo("app/Workload.java");
  }

  @Test
  void proxiesLoseTheirNumber() {
    assertThat(FrameNames.className("$Proxy26")).isEqualTo("$Proxy");
    assertThat(FrameNames.className("jdk.proxy1.$Proxy5")).isEqualTo("jdk.proxy1.$Proxy");
    assertThat(FrameNames.className("com.sun.proxy.$Proxy7")).isEqualTo("com.sun.proxy.$Proxy");
  }

  @Test
  void generatedReflectionAccessorsLoseTheirNumber() {
    // JDK 17 only: from 18 on reflection runs through method handles (LambdaForm$DMH frames).
    assertThat(FrameNames.className("jdk.internal.reflect.GeneratedMethodAccessor7"))
        .isEqualTo("jdk.internal.reflect.GeneratedMethodAccessor");
    assertThat(FrameNames.className("jdk.internal.reflect.GeneratedConstructorAccessor3"))
        .isEqualTo("jdk.internal.reflect.GeneratedConstructorAccessor");
    assertThat(
            FrameNames.className("jdk.internal.reflect.GeneratedSerializationConstructorAccessor12"))
        .isEqualTo("jdk.internal.reflect.GeneratedSerializationConstructorAccessor");
  }

  @Test
  void ordinaryNamesAreKept() {
    assertThat(FrameNames.className("app.Outer$Inner")).isEqualTo("app.Outer$Inner");
    assertThat(FrameNames.className("java.lang.invoke.DirectMethodHandle$Holder"))
        .isEqualTo("java.lang.invoke.DirectMethodHandle$Holder");
    assertThat(FrameNames.className("app.Hex0x1.Codec$1")).isEqualTo("app.Hex0x1.Codec$1");
    assertThat(FrameNames.className("app.Proxy12")).isEqualTo("app.Proxy12");
  }

  @Test
  void arrayDescriptorsBecomeJavaSyntax() {
    assertThat(FrameNames.className("[B")).isEqualTo("byte[]");
    assertThat(FrameNames.className("[[I")).isEqualTo("int[][]");
    assertThat(FrameNames.className("[Ljava.lang.String;")).isEqualTo("java.lang.String[]");
    assertThat(FrameNames.className("[Lapp.Probe$$Lambda$3/0x1;")).isEqualTo("app.Probe$$Lambda[]");
  }

  @Test
  void sourceFileIsDerivedFromTheTopLevelClass() {
    assertThat(FrameNames.sourceFile("dev.pegasus.Foo$Inner")).isEqualTo("dev/pegasus/Foo.java");
    assertThat(FrameNames.sourceFile("Foo")).isEqualTo("Foo.java");
  }
}
