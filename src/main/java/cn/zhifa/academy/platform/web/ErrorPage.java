package cn.zhifa.academy.platform.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The friendly error page shown to people (the API answers problem+json instead). */
public final class ErrorPage {

    @CheckedTemplate(basePath = "ErrorPage")
    static class Templates {
        /** @param detail optional extra text, e.g. a validation message */
        static native TemplateInstance error(int status, String detail, String ref);
    }

    private ErrorPage() {
    }

    public static Response response(int status, String detail, String ref) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error(status, detail, ref)).build();
    }
}
