package cn.zhifa.academy.platform.web;

import java.net.URI;
import java.util.Locale;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

/** The language switch: remembers the choice in a cookie for a year and goes back. */
@Path("/lang")
@PermitAll
public class LanguageResource {

    @GET
    @Path("{tag}")
    public Response switchTo(@PathParam("tag") String tag, @QueryParam("back") String back) {
        Locale locale = LocaleContext.supported(tag);
        if (locale == null) {
            throw new NotFoundException();
        }
        NewCookie cookie = new NewCookie.Builder(LocaleContext.COOKIE).value(locale.toLanguageTag()).path("/")
                .maxAge(365 * 24 * 3600).sameSite(NewCookie.SameSite.LAX).httpOnly(true).build();
        return Response.seeOther(URI.create(safeBack(back))).cookie(cookie).build();
    }

    /** Only same-site relative paths: the switch must not become an open redirect. */
    static String safeBack(String back) {
        if (back == null || !back.startsWith("/") || back.startsWith("//") || back.contains("\\")
                || back.contains("\r") || back.contains("\n")) {
            return "/";
        }
        return back;
    }
}
