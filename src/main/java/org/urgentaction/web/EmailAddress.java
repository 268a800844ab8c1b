package org.urgentaction.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.modulith.NamedInterface;

/**
 * One e-mail address, or nothing. Jakarta's {@code @Email} takes what RFC 5322 allows in a local
 * part, {@code ? & = , %} among it, so {@code minister?bcc=spy@evil.example} passed and turned into
 * a hidden copy in supporters' mail programs. Here the local part is letters, digits and
 * {@code . _ + ' -} only, the domain letters, digits and hyphens between dots: no query, no second
 * address, no space, no control character. {@code admin@localhost} (the first administrator) passes.
 */
@NamedInterface("api")
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = {})
@ReportAsSingleViolation
@Email
@Size(max = 254)
@Pattern(regexp = EmailAddress.ONE_ADDRESS)
public @interface EmailAddress {

    String ONE_ADDRESS = "|[\\p{L}\\p{N}._+'-]{1,64}@[\\p{L}\\p{N}-]{1,63}(\\.[\\p{L}\\p{N}-]{1,63})*";

    String message() default "{org.urgentaction.web.EmailAddress.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
