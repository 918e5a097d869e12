package io.marquee.rating.service;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Review text: at most {@link RatingRules#MAX_REVIEW_CODE_POINTS} code points once trimmed; no
 * control characters except line breaks (a NUL or an escape sequence has no place in text shown to
 * others); no unpaired UTF-16 surrogates (they cannot be stored as UTF-8 and would come back as
 * {@code ?}). Everything else of Unicode is fine. {@code null} is valid.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ReviewText.Validator.class)
public @interface ReviewText {

    String message() default "must be at most 2000 characters of text without control characters "
            + "other than line breaks";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ReviewText, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || problem(value) == null;
        }

        /** Why {@code value} is not a review, or null if it is one. */
        static String problem(String value) {
            String text = value.strip();
            int codePoints = 0;
            for (int i = 0; i < text.length(); ) {
                int c = text.codePointAt(i);
                if (Character.getType(c) == Character.SURROGATE) {
                    return "unpaired surrogate";
                }
                if (Character.getType(c) == Character.CONTROL && c != '\n' && c != '\r') {
                    return "control character";
                }
                if (++codePoints > RatingRules.MAX_REVIEW_CODE_POINTS) {
                    return "too long";
                }
                i += Character.charCount(c);
            }
            return null;
        }
    }
}
