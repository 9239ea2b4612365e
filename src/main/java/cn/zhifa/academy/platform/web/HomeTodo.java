package cn.zhifa.academy.platform.web;

import java.util.List;
import java.util.Locale;

/**
 * A feature's contribution to the home page's to-do list (issue 13): what the signed-in user
 * should do now, for the roles they hold, each with a link. Features implement it as CDI beans;
 * the home page collects them all (like the record sections), so the page needs no knowledge of
 * any feature.
 */
public interface HomeTodo {

    /** Items for the current user (empty when none of this feature's items apply). */
    List<Item> items(Locale locale);

    /**
     * One line of the to-do list.
     *
     * @param id stable id for the page (and tests)
     * @param order position among all items (lower first)
     * @param title what to do, with the figure
     * @param detail dates, names, where it stands (may be null)
     * @param href where to do it
     * @param urgent shown as a warning (deadline close, something to fix)
     */
    record Item(String id, int order, String title, String detail, String href, boolean urgent) {
    }

    /** The ux bundle in the request's language (an injected bundle would ignore it). */
    static UxMessages text(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage())
                ? io.quarkus.qute.i18n.MessageBundles.get(UxMessages.class, io.quarkus.qute.i18n.Localized.Literal.of("en"))
                : io.quarkus.qute.i18n.MessageBundles.get(UxMessages.class);
    }
}
