package org.oko;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Keeps {@code docs/modules} true: Spring Modulith's {@link Documenter} writes the module diagram
 * and a canvas per module from the code, and this test fails when the committed copy differs from
 * what the code gives now. After a change to the modules, rewrite the copy with {@code mvn -pl
 * backend test -Dtest=ModuleDocumentationTests -Doko.writeModuleDocs=true} and commit it.
 */
class ModuleDocumentationTests {

  private static final Path COMMITTED = Path.of("..", "docs", "modules");
  private static final Path GENERATED = Path.of("target", "module-docs");

  @Test
  void theCommittedModuleDocumentationMatchesTheCode() throws IOException {
    var modules = ApplicationModules.of(OkoApplication.class, resideInAPackage("org.oko.api.."));
    new Documenter(modules, Documenter.Options.defaults().withOutputFolder(GENERATED.toString()))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml()
        .writeModuleCanvases();

    if (Boolean.getBoolean("oko.writeModuleDocs")) {
      replaceCommittedCopy();
    }
    assertThat(files(COMMITTED))
        .as(
            "docs/modules differs from the modules in the code; rewrite it with"
                + " -Dtest=ModuleDocumentationTests -Doko.writeModuleDocs=true and commit it")
        .isEqualTo(files(GENERATED));
  }

  private static void replaceCommittedCopy() throws IOException {
    if (Files.isDirectory(COMMITTED)) {
      try (Stream<Path> old = Files.list(COMMITTED)) {
        old.forEach(ModuleDocumentationTests::delete);
      }
    }
    Files.createDirectories(COMMITTED);
    try (Stream<Path> fresh = Files.list(GENERATED)) {
      for (Path file : fresh.toList()) {
        Files.copy(file, COMMITTED.resolve(file.getFileName()));
      }
    }
  }

  /**
   * Each file's name and its lines in sorted order, so that a failure shows which module's page
   * changed: the Documenter writes the relations between modules in no fixed order.
   */
  private static Map<String, String> files(Path folder) throws IOException {
    var contents = new TreeMap<String, String>();
    if (!Files.isDirectory(folder)) {
      return contents;
    }
    try (Stream<Path> listed = Files.list(folder)) {
      for (Path file : listed.toList()) {
        var lines = Files.readAllLines(file).stream().map(String::strip).sorted().toList();
        contents.put(file.getFileName().toString(), String.join("\n", lines).strip());
      }
    }
    return contents;
  }

  private static void delete(Path file) {
    try {
      Files.delete(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
