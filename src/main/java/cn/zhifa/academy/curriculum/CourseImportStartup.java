package cn.zhifa.academy.curriculum;

import java.nio.file.Path;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import cn.zhifa.academy.content.ContentInvalidException;
import io.quarkus.runtime.StartupEvent;

/** Imports the repository's courses/ at start when {@code academy.learning.import-at-start}. */
@Singleton
public class CourseImportStartup {

    private static final Logger LOG = Logger.getLogger(CourseImportStartup.class);

    @Inject
    CurriculumConfig config;

    @Inject
    CourseImporter importer;

    void onStart(@Observes @Priority(30) StartupEvent event) {
        if (!config.importAtStart()) {
            return;
        }
        Path folder = Path.of(config.coursesFolder());
        if (!folder.toFile().isDirectory()) {
            LOG.infof("no course folder at %s: nothing imported", folder.toAbsolutePath());
            return;
        }
        try {
            CourseImporter.Report r = importer.importFolder(folder, "system");
            LOG.infof("courses imported from %s: %d new, %d revised, %d unchanged", folder, r.created().size(),
                    r.revised().size(), r.unchanged().size());
        } catch (ContentInvalidException e) {
            LOG.errorf("courses in %s were NOT imported:%n  %s", folder,
                    String.join("\n  ", e.problems().stream().map(Object::toString).toList()));
        }
    }
}
