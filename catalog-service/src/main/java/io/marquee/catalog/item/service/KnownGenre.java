package io.marquee.catalog.item.service;

import io.marquee.common.catalog.Genres;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A MovieLens genre name, in any case ({@link Genres#canonical}). {@code null} is valid. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = KnownGenre.Validator.class)
public @interface KnownGenre {

    /** Replaced by {@link #MESSAGE}, which lists the vocabulary from {@link Genres#ALL}. */
    String message() default "is not a known genre";

    String MESSAGE = "is not a known genre; use one of " + String.join(", ", Genres.ALL);

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<KnownGenre, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || Genres.canonical(value).isPresent()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(MESSAGE).addConstraintViolation();
            return false;
        }
    }
}
