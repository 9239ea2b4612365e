package cn.zhifa.academy.platform.web;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.ws.rs.core.Response;

import cn.zhifa.academy.platform.error.DomainException;
import cn.zhifa.academy.platform.error.ErrorTexts;
import cn.zhifa.academy.platform.error.NotFoundException;

/**
 * For the pages that must show a form (or the page of an action) again, with what the person
 * typed and the reason, when an action breaks a rule: the one place that catches, instead of a
 * catch per page. Every other page lets the error go: {@link ErrorMappers} sends a form post
 * back to its page with a {@link Flash}. Something that does not exist has no page to show
 * again: not found still goes to the error page.
 */
public final class FormErrors {

    private FormErrors() {
    }

    /**
     * Why an action was refused, in the reader's language, with the error's status; {@code error}
     * is the domain error itself (null for the upload edge), for a page that shows its rows in a
     * shape of its own (e.g. the problem rows of a question form, each with its line).
     */
    public record Refusal(int status, String message, List<Problem.FieldError> errors, DomainException error) {

        public Refusal(int status, String message, List<Problem.FieldError> errors) {
            this(status, message, errors, null);
        }

        /** The message, then "field message" for each field that is wrong. */
        public String withFields() {
            if (errors.isEmpty()) {
                return message;
            }
            Locale locale = ErrorTexts.currentLocale();
            return message + ErrorTexts.text(locale, "sep.detail") + String.join(ErrorTexts.text(locale, "sep.list"),
                    errors.stream().map(f -> f.field() + " " + f.message()).toList());
        }

        /** The fields that are wrong, or the message as the one error of the form. */
        public List<Problem.FieldError> errorsOrMessage() {
            return errors.isEmpty() ? List.of(new Problem.FieldError("", message)) : errors;
        }
    }

    /**
     * Runs the action; when it breaks a rule, answers the error's status with the page that
     * {@code render} builds from the refusal. A page whose form answers a status of its own (a
     * form's bad fields are 400 where the API says 422) may render a whole {@link Response}.
     */
    public static Response orRender(Supplier<Response> action, Function<Refusal, Object> render) {
        try {
            return action.get();
        } catch (NotFoundException e) {
            throw e;
        } catch (DomainException e) {
            Refusal r = refusal(e);
            return answer(r, render.apply(r));
        } catch (ProblemException e) {
            // features not yet on domain errors, and the upload edge (413, 415)
            if (e.status() == 404) {
                throw e;
            }
            Refusal r = new Refusal(e.status(), e.getMessage(), e.errors() == null ? List.of() : e.errors());
            return answer(r, render.apply(r));
        }
    }

    private static Response answer(Refusal r, Object page) {
        return page instanceof Response response ? response : Response.status(r.status()).entity(page).build();
    }

    /** A domain error as shown to the person who made the request. */
    public static Refusal refusal(DomainException e) {
        Locale locale = ErrorTexts.currentLocale();
        return new Refusal(ErrorMappers.statusOf(e), e.text(locale), e.errors() == null ? List.of()
                : e.errors().stream().map(f -> new Problem.FieldError(f.field(), f.text(locale))).toList(), e);
    }
}
