package io.marquee.common.text;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text people type and other people read (names, titles, overviews, reviews): the one rule for
 * what it may contain, in every service. Refused: control characters (NUL, escape sequences;
 * line breaks too unless {@link #multiline()}), unpaired UTF-16 surrogates (they cannot be stored
 * as UTF-8), bidirectional controls (overrides, embeddings, isolates, marks: they make text display
 * as something else, e.g. a review that reads backwards or a name that impersonates another), and
 * invisible characters (zero-width space, word joiner, byte-order mark, soft hyphen, ...: two
 * strings that look the same would differ). Emoji, accents and every script are fine, including the
 * zero-width joiner and non-joiner that emoji sequences and several scripts need. {@code null} is valid.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE,
        ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = SafeText.Validator.class)
public @interface SafeText {

    /** Whether line breaks ({@code \n}, {@code \r}) are allowed: reviews and overviews, not names or titles. */
    boolean multiline() default false;

    String message() default "must be text without control, bidirectional or invisible characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<SafeText, String> {

        private boolean multiline;

        @Override
        public void initialize(SafeText annotation) {
            this.multiline = annotation.multiline();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || problem(value, multiline) == null;
        }

        /** Why {@code value} is not safe text, or null if it is. */
        public static String problem(String value, boolean multiline) {
            for (int i = 0; i < value.length(); ) {
                int c = value.codePointAt(i);
                if (Character.getType(c) == Character.SURROGATE) {
                    return "unpaired surrogate";
                }
                if (c == '\n' || c == '\r') {
                    if (!multiline) {
                        return "line break";
                    }
                } else if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                    return "control character";
                } else if (isBidiControl(c)) {
                    return "bidirectional control";
                } else if (isInvisible(c)) {
                    return "invisible character";
                }
                i += Character.charCount(c);
            }
            return null;
        }

        static boolean isBidiControl(int c) {
            return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)
                    || c == 0x200E || c == 0x200F || c == 0x061C;
        }

        static boolean isInvisible(int c) {
            return c == 0x200B || (c >= 0x2060 && c <= 0x2064) || c == 0xFEFF || c == 0x00AD || c == 0x180E
                    || c == 0x034F || (c >= 0x206A && c <= 0x206F) || (c >= 0xFFF9 && c <= 0xFFFB)
                    || c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0;
        }
    }
}
