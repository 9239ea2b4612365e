package cn.zhifa.academy;

import java.nio.file.Path;

import jakarta.inject.Inject;

import cn.zhifa.academy.content.ContentInvalidException;
import cn.zhifa.academy.curriculum.CourseImporter;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the service, or runs a command and exits:
 * {@code java -jar quarkus-run.jar import-courses [folder]} validates and imports a course folder
 * (exit code 0 on success, 2 with every problem listed when the folder is invalid).
 */
@QuarkusMain
public class AcademyMain implements QuarkusApplication {

    @Inject
    CourseImporter courses;

    public static void main(String... args) {
        Quarkus.run(AcademyMain.class, args);
    }

    @Override
    public int run(String... args) {
        if (args.length > 0 && args[0].equals("import-courses")) {
            Path folder = Path.of(args.length > 1 ? args[1] : "courses");
            try {
                CourseImporter.Report r = courses.importFolder(folder, "cli");
                System.out.printf("imported %s: %d new %s, %d revised %s, %d unchanged%n", folder, r.created().size(),
                        r.created(), r.revised().size(), r.revised(), r.unchanged().size());
                return 0;
            } catch (ContentInvalidException e) {
                System.err.println("not imported, " + e.problems().size() + " problem(s):");
                e.problems().forEach(p -> System.err.println("  " + p));
                return 2;
            }
        }
        Quarkus.waitForExit();
        return 0;
    }
}
