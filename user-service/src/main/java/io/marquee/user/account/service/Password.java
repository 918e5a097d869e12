package io.marquee.user.account.service;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A new password: at least {@value AccountRules#PASSWORD_MIN_CHARACTERS} characters, at most
 * {@value AccountRules#PASSWORD_MAX_BYTES} bytes once normalized (bcrypt's limit), no unpaired
 * surrogates (two different such strings would hash alike). {@code null} is valid.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Password.Validator.class)
public @interface Password {

    String message() default "must be at least " + AccountRules.PASSWORD_MIN_CHARACTERS + " characters and at most "
            + AccountRules.PASSWORD_MAX_BYTES + " bytes in UTF-8";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Password, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            byte[] bytes = Passwords.bytes(value);
            return bytes != null && value.codePointCount(0, value.length()) >= AccountRules.PASSWORD_MIN_CHARACTERS
                    && bytes.length <= AccountRules.PASSWORD_MAX_BYTES;
        }
    }
}
