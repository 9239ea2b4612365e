package cn.zhifa.academy.platform.web;

import java.io.IOException;
import java.math.BigDecimal;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Issue 12 items 9, 10, 15: one strict reading of every JSON body, so that bad values are a
 * 400 naming the field ({@link InputErrorMappers}) instead of a silent change or a 500.
 *
 * <ul>
 * <li>no float where an integer is expected ({@code unitId: 1.5}) and no number for an enum
 * (a boolean such as {@code "maybe"} is refused by Jackson already);</li>
 * <li>decimals outside ±10<sup>15</sup> or with more than 10 decimal places (1e999999999,
 * 1e-999999999) and non-finite doubles are refused before any code sees them;</li>
 * <li>text is checked by {@link TextRules}: no NUL or control characters, and text made only
 * of invisible characters (a zero-width space) counts as empty.</li>
 * </ul>
 * Ranges of single fields (hours, years, dates) are bean-validation annotations on the input
 * records and are documented in the OpenAPI document.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** Largest magnitude of any decimal accepted in a body. */
    static final BigDecimal MAX_DECIMAL = new BigDecimal("1e15");
    static final int MAX_SCALE = 10;
    /** Longest text value in a JSON body (characters); longer texts (case bodies) come as files. */
    public static final int MAX_TEXT = 65_536;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        SimpleModule m = new SimpleModule("academy-strict-input");
        m.addDeserializer(BigDecimal.class, new BoundedDecimal());
        m.addDeserializer(Double.class, new FiniteDouble(Double.class));
        m.addDeserializer(double.class, new FiniteDouble(double.class));
        m.addDeserializer(String.class, new CheckedString());
        mapper.registerModule(m);
    }

    /** BigDecimal within ±10^15 and at most 10 decimal places; read without expanding the exponent. */
    static final class BoundedDecimal extends StdScalarDeserializer<BigDecimal> {
        BoundedDecimal() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_NUMBER_INT) && !p.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
                return (BigDecimal) ctxt.handleUnexpectedToken(BigDecimal.class, p);
            }
            BigDecimal v;
            try {
                v = new BigDecimal(p.getText());
            } catch (NumberFormatException e) {
                throw InvalidFormatException.from(p, "not a number", p.getText(), BigDecimal.class);
            }
            // precision - scale is the number of digits before the point; cheap even for 1e999999999
            if (v.signum() != 0 && (v.precision() - v.scale() > 16 || v.abs().compareTo(MAX_DECIMAL) > 0)) {
                throw InvalidFormatException.from(p, "number out of range", p.getText(), BigDecimal.class);
            }
            if (v.scale() > MAX_SCALE) {
                v = v.stripTrailingZeros();
                if (v.scale() > MAX_SCALE) {
                    throw InvalidFormatException.from(p, "too many decimal places", p.getText(), BigDecimal.class);
                }
            }
            return v;
        }
    }

    /** Doubles must be finite: 1e400 is not read as Infinity. */
    static final class FiniteDouble extends StdScalarDeserializer<Double> {
        FiniteDouble(Class<?> type) {
            super(type);
        }

        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_NUMBER_INT) && !p.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
                return (Double) ctxt.handleUnexpectedToken(Double.class, p);
            }
            double d = p.getDoubleValue();
            if (!Double.isFinite(d) || Math.abs(d) > MAX_DECIMAL.doubleValue()) {
                throw InvalidFormatException.from(p, "number out of range", p.getText(), Double.class);
            }
            return d;
        }
    }

    /** Strings pass {@link TextRules#check}; invisible-only text becomes "" (so @NotBlank refuses it). */
    static final class CheckedString extends StdScalarDeserializer<String> {
        CheckedString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                if (p.hasToken(JsonToken.VALUE_NUMBER_INT) || p.hasToken(JsonToken.VALUE_NUMBER_FLOAT)
                        || p.hasToken(JsonToken.VALUE_TRUE) || p.hasToken(JsonToken.VALUE_FALSE)) {
                    return p.getText(); // lenient as before: codes like 1001 may come as numbers
                }
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String s = p.getText();
            if (s.length() > MAX_TEXT) {
                throw InvalidFormatException.from(p, "text too long", "(text)", String.class);
            }
            String problem = TextRules.problem(s);
            if (problem != null) {
                throw InvalidFormatException.from(p, problem, "(text)", String.class);
            }
            return TextRules.invisibleOnly(s) ? "" : s;
        }
    }
}
