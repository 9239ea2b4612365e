package cn.zhifa.academy.platform.web;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.ws.rs.core.Response;

import cn.zhifa.academy.platform.error.DomainException;
import cn.zhifa.academy.platform.error.ErrorTexts;

/**
 * For the few pages that must show a form again with what the person typed when an action
 * breaks a rule: the one place that catches, instead of a catch per page. Every other page lets
 * the error go: {@link ErrorMappers} sends a form post back to its page with a {@link Flash}.
 */
public final class FormErrors {

    private FormErrors() {
    }

    /**
     * Runs the action; when it breaks a rule, answers the error's status with the page that
     * {@code render} builds from the message (in the reader's language).
     */
    public static Response orRender(Supplier<Response> action, Function<String, Object> render) {
        return orRender(action, render, false);
    }

    /** As {@link #orRender(Supplier, Function)}, the message followed by the fields that are wrong. */
    public static Response orRenderWithFields(Supplier<Response> action, Function<String, Object> render) {
        return orRender(action, render, true);
    }

    private static Response orRender(Supplier<Response> action, Function<String, Object> render, boolean fields) {
        try {
            return action.get();
        } catch (DomainException e) {
            return Response.status(ErrorMappers.statusOf(e)).entity(render.apply(fields ? withFields(e) : message(e)))
                    .build();
        } catch (ProblemException e) {
            // features not yet on domain errors (and the upload edge: 413, 415)
            return Response.status(e.status()).entity(render.apply(fields ? withFields(e) : e.getMessage())).build();
        }
    }

    /** The message of a domain error in the reader's language. */
    public static String message(DomainException e) {
        return e.text(ErrorTexts.currentLocale());
    }

    /** The message, then "field message" for each field that is wrong. */
    public static String withFields(DomainException e) {
        Locale locale = ErrorTexts.currentLocale();
        if (e.errors() == null) {
            return e.text(locale);
        }
        return e.text(locale) + ErrorTexts.text(locale, "sep.detail") + String.join(ErrorTexts.text(locale, "sep.list"),
                e.errors().stream().map(f -> f.field() + " " + f.text(locale)).toList());
    }

    private static String withFields(ProblemException e) {
        List<Problem.FieldError> errors = e.errors();
        if (errors == null || errors.isEmpty()) {
            return e.getMessage();
        }
        Locale locale = ErrorTexts.currentLocale();
        return e.getMessage() + ErrorTexts.text(locale, "sep.detail") + String.join(ErrorTexts.text(locale, "sep.list"), errors.stream().map(f -> f.field() + " " + f.message()).toList());
    }
}
