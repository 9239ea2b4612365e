package cn.zhifa.academy.curriculum;

import java.nio.file.Path;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.zhifa.academy.content.ContentProblem;
import cn.zhifa.academy.platform.security.CurrentUser;
import cn.zhifa.academy.platform.security.Roles;

/** Importing the course folder over the API (the admin page and the CLI do the same). */
@jakarta.ws.rs.Path("/api/v1/courses")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.TRAINER, Roles.SYSADMIN })
@Tag(name = "Courses")
public class CourseAdminResource {

    @Inject
    CourseImporter importer;

    @Inject
    CurriculumConfig config;

    @Inject
    CurrentUser user;

    @GET
    @jakarta.ws.rs.Path("import/check")
    @Operation(summary = "Validate the course folder without importing: every problem with file and line")
    public List<ContentProblem> check() {
        return importer.check(Path.of(config.coursesFolder()));
    }

    @POST
    @jakarta.ws.rs.Path("import")
    @Operation(summary = "Import the course folder: all or nothing (422 with every problem), idempotent")
    public CourseImporter.Report importFolder() {
        return importer.importFolder(Path.of(config.coursesFolder()), user.getUsername());
    }
}
