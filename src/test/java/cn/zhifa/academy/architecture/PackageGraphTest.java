package cn.zhifa.academy.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

/**
 * The package map of docs/architecture.md (the {@code package-graph} block) is the rule: each
 * top-level package may use only the packages it lists, and a feature reads another feature's
 * entities only through that feature's services (platform entities are shared). The same block
 * is the documentation, so the two cannot drift. What still breaks the rules is listed in
 * src/test/resources/architecture/allowed-violations.txt; the list may only shrink: a new
 * violation fails, and so does an entry that no longer occurs. No Quarkus needed.
 */
class PackageGraphTest {

    private static final String BASE = "cn.zhifa.academy";
    private static final Path DOC = Path.of("docs/architecture.md");
    private static final Path ALLOWED = Path.of("src/test/resources/architecture/allowed-violations.txt");

    static JavaClasses classes;
    static Map<String, Set<String>> declared;

    @BeforeAll
    static void load() throws IOException {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(BASE);
        declared = declaredGraph();
    }

    /** Reads the fenced {@code package-graph} block: "name: dependency, dependency". */
    static Map<String, Set<String>> declaredGraph() throws IOException {
        Map<String, Set<String>> graph = new LinkedHashMap<>();
        boolean in = false;
        for (String line : Files.readAllLines(DOC, StandardCharsets.UTF_8)) {
            if (line.trim().equals("```package-graph")) {
                in = true;
            } else if (in && line.trim().startsWith("```")) {
                break;
            } else if (in && line.contains(":") && !line.trim().startsWith("#")) {
                String name = line.substring(0, line.indexOf(':')).trim();
                Set<String> uses = new TreeSet<>();
                for (String d : line.substring(line.indexOf(':') + 1).split(",")) {
                    String t = d.replaceAll("#.*", "").trim();
                    if (!t.isEmpty()) {
                        uses.add(t);
                    }
                }
                graph.put(name, uses);
            }
        }
        assertThat(graph).as("the package-graph block of docs/architecture.md").isNotEmpty();
        return graph;
    }

    static String top(JavaClass c) {
        String p = c.getPackageName();
        if (p.equals(BASE)) {
            return "(root)";
        }
        String rest = p.substring(BASE.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    static boolean ours(JavaClass c) {
        return c.getPackageName().equals(BASE) || c.getPackageName().startsWith(BASE + ".");
    }

    @Test
    void theDocumentedMapNamesEveryPackageAndHasNoCycle() {
        Set<String> actual = new TreeSet<>();
        classes.forEach(c -> actual.add(top(c)));
        assertThat(declared.keySet()).as("packages in docs/architecture.md").containsExactlyInAnyOrderElementsOf(actual);
        declared.forEach((p, uses) -> assertThat(declared.keySet()).as("%s uses only declared packages", p)
                .containsAll(uses));
        for (String p : declared.keySet()) {
            assertThat(reaches(p, p, new HashSet<>())).as("%s is in a cycle of the declared map", p).isFalse();
        }
    }

    /** The code itself, not only the declared map, has no cycle among the top-level packages. */
    @Test
    void noCycleBetweenTopLevelPackages() {
        SlicesRuleDefinition.slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    /**
     * Inside {@code exam}, the sub-packages that show its model (bank → paper → grading → delivery,
     * admin on top) have no cycle among themselves. The shared model and the facades other
     * features use stay in {@code exam} itself, which is not one of these slices.
     */
    @Test
    void noCycleBetweenExamSubPackages() {
        SlicesRuleDefinition.slices().matching(BASE + ".exam.(*)..").should().beFreeOfCycles().check(classes);
    }

    private boolean reaches(String from, String target, Set<String> seen) {
        for (String d : declared.getOrDefault(from, Set.of())) {
            if (d.equals(target) || (seen.add(d) && reaches(d, target, seen))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void packagesUseOnlyWhatTheMapAllowsAndNoOtherFeaturesEntities() throws IOException {
        Set<String> violations = new TreeSet<>();
        for (JavaClass c : classes) {
            String from = top(c);
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                JavaClass t = d.getTargetClass();
                if (!ours(t)) {
                    continue;
                }
                String to = top(t);
                if (to.equals(from)) {
                    continue;
                }
                if (!declared.getOrDefault(from, Set.of()).contains(to)) {
                    violations.add(from + " -> " + to);
                }
                if (!from.equals("demo") && !from.equals("(root)") && !to.equals("platform")
                        && t.isAnnotatedWith("jakarta.persistence.Entity")) {
                    violations.add(from + " reads entity " + to + "." + t.getSimpleName());
                }
            }
        }
        List<String> allowed = new ArrayList<>();
        for (String line : Files.readAllLines(ALLOWED, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                allowed.add(line.trim());
            }
        }
        Set<String> fresh = new TreeSet<>(violations);
        allowed.forEach(fresh::remove);
        Set<String> gone = new TreeSet<>(allowed);
        gone.removeAll(violations);
        assertThat(fresh).as("dependencies the package map of docs/architecture.md does not allow"
                + " (use the other feature's service or facade)").isEmpty();
        assertThat(gone).as("fixed: remove these lines from " + ALLOWED).isEmpty();
    }
}
