package dev.pegasus.http.profiler.internal;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

final class FrameNamesTest {

  @Test
  void jfrLambdaClassesLoseTheirAddressAndNumber() {
    assertThat(FrameNames.className("app.Probe$$Lambda$230+0x00007f78e8150a08.306115458"))
        .isEqualTo("app.Probe$$Lambda");
  }

  @Test
  void histogramLambdaClassesLoseTheirAddressAndNumber() {
    assertThat(FrameNames.className("java.util.regex.Pattern$CharPredicate$$Lambda$21/0x80000002d"))
        .isEqualTo("java.util.regex.Pattern$CharPredicate$$Lambda");
  }

  @Test
  void otherHiddenAndGeneratedClassesAreStable() {
    assertThat(FrameNames.className("java.lang.invoke.LambdaForm$MH/0x0000000800c0b000"))
        .isEqualTo("java.lang.invoke.LambdaForm$MH");
    assertThat(FrameNames.className("jdk.internal.reflect.GeneratedMethodAccessor12"))
        .isEqualTo("jdk.internal.reflect.GeneratedMethodAccessor");
    assertThat(FrameNames.className("com.sun.proxy.$Proxy7")).isEqualTo("com.sun.proxy.$Proxy");
    assertThat(FrameNames.className("app.Outer$Inner")).isEqualTo("app.Outer$Inner");
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
