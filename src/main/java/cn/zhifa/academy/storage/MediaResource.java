package cn.zhifa.academy.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import cn.zhifa.academy.platform.security.CurrentUser;
import cn.zhifa.academy.platform.security.Roles;
import cn.zhifa.academy.platform.web.Problem;
import io.quarkus.security.Authenticated;

/** Upload media and read them back, whole or in byte ranges (HTTP 206). */
@Path("/api/v1/media")
@Authenticated
@Tag(name = "Media")
public class MediaResource {

    @Inject
    MediaService media;

    @Inject
    MediaAccess access;

    @Inject
    CurrentUser user;

    /** Wire shape of a stored file; {@code id} is the random public id, the only one the API knows. */
    public record MediaView(String id, String filename, String contentType, long size, String sha256,
            String uploadedBy, String owner, Instant createdAt) {
        static MediaView of(MediaRef m) {
            return new MediaView(m.publicId().toString(), m.filename(), m.contentType(), m.sizeBytes(), m.sha256(),
                    m.uploadedBy(), m.ownerKind().name(), m.createdAt());
        }
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.TRAINER, Roles.ADMIN, Roles.SYSADMIN })
    @Operation(summary = "Upload a file (multipart field 'file'); 413 when too large, 415 when the content is not the declared type")
    public Response upload(@RestForm("file") FileUpload file) throws IOException {
        if (file == null || file.uploadedFile() == null) {
            throw new BadRequestException("multipart field 'file' is missing");
        }
        String name = file.fileName() == null ? "" : file.fileName();
        MediaRef m = media.store(file.uploadedFile(), name, file.contentType(), user.getUsername());
        return Response.created(URI.create("/api/v1/media/" + m.publicId())).entity(MediaView.of(m)).build();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Metadata of a stored file; 404 unless the file's owner lets the caller read it")
    public MediaView get(@PathParam("id") String id) {
        return MediaView.of(find(id));
    }

    @GET
    @Path("{id}/url")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Where a browser can fetch the bytes: a presigned URL on S3, the content endpoint otherwise")
    public MediaService.DownloadUrl url(@PathParam("id") String id) throws IOException {
        return media.downloadUrl(find(id));
    }

    @GET
    @Path("{id}/content")
    @Operation(summary = "The bytes; honours a single Range header with 206 Partial Content")
    public Response content(@PathParam("id") String id, @HeaderParam("Range") String range) {
        MediaRef m = find(id);
        long size = m.sizeBytes();
        Optional<ByteRange> r;
        try {
            r = ByteRange.parse(range, size);
        } catch (ByteRange.NotSatisfiable e) {
            return Response.status(416).header("Content-Range", "bytes */" + size).type(Problem.MEDIA_TYPE)
                    .entity(new Problem("https://academy.invalid/problems/range-not-satisfiable",
                            "Range not satisfiable", 416, "The object has " + size + " bytes.", null, null))
                    .build();
        }
        long offset = r.map(ByteRange::start).orElse(0L);
        long length = r.map(ByteRange::length).orElse(size);
        StreamingOutput body = out -> {
            if (length == 0) {
                return;
            }
            try (InputStream in = media.read(m, offset, length)) {
                in.transferTo(out);
            }
        };
        Response.ResponseBuilder b = Response.status(r.isPresent() ? 206 : 200).entity(body)
                .type(m.contentType())
                .header(HttpHeaders.CONTENT_LENGTH, length)
                .header("Accept-Ranges", "bytes")
                .header(HttpHeaders.ETAG, "\"" + m.sha256() + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=3600")
                .header("Content-Disposition", "inline; filename*=UTF-8''"
                        + URLEncoder.encode(m.filename(), StandardCharsets.UTF_8).replace("+", "%20"));
        r.ifPresent(br -> b.header("Content-Range", br.contentRange(size)));
        return b.build();
    }

    /** Every read goes through the one authorisation point: 404 for anything the caller may not read. */
    private MediaRef find(String id) {
        return access.readable(id);
    }
}
