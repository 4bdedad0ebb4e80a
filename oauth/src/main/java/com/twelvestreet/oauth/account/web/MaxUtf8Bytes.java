package com.twelvestreet.oauth.account.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * At most this many bytes in UTF-8. A password is hashed with bcrypt, which reads 72 bytes and no
 * more: 64 characters of Hangul are 192 bytes, so a character count alone cannot keep a password
 * within what the hash sees (Spring Security refuses longer ones, which used to end in a 500).
 */
@Documented
@Constraint(validatedBy = MaxUtf8Bytes.Validator.class)
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@interface MaxUtf8Bytes {

    int value();

    String message() default "is too long: at most {value} bytes (a Hangul character takes 3)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<MaxUtf8Bytes, String> {

        private int max;

        @Override
        public void initialize(MaxUtf8Bytes annotation) {
            max = annotation.value();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.getBytes(StandardCharsets.UTF_8).length <= max;
        }
    }
}
