package io.marquee.rating.service;

import io.marquee.common.text.SafeText;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Review text: at most {@link RatingRules#MAX_REVIEW_CODE_POINTS} code points once trimmed, and
 * common's {@link SafeText} rule with line breaks allowed (the rule names and titles follow too).
 * {@code null} is valid.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ReviewText.Validator.class)
public @interface ReviewText {

    String message() default "must be at most 2000 characters of text without control, bidirectional or "
            + "invisible characters (line breaks are fine)";

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
            String unsafe = SafeText.Validator.problem(text, true);
            if (unsafe != null) {
                return unsafe;
            }
            return text.codePointCount(0, text.length()) > RatingRules.MAX_REVIEW_CODE_POINTS ? "too long" : null;
        }
    }
}
