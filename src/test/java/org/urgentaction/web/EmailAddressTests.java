package org.urgentaction.web;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class EmailAddressTests {

    record Form(@EmailAddress String email) {}

    private static final ValidatorFactory factory = Validation.buildDefaultValidatorFactory();
    private static final Validator validator = factory.getValidator();

    @AfterAll
    static void close() {
        factory.close();
    }

    private static boolean valid(String email) {
        return validator.validate(new Form(email)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "minister?bcc=spy@evil.example",
                "minister&body=x@evil.example",
                "a=b@example.org",
                "a@example.org,b@example.org",
                "a@example.org;b@example.org",
                "a b@example.org",
                " a@example.org",
                "a@example.org\r\nBcc: b@example.org",
                "a\u0000@example.org",
                "a%40b@example.org",
                "a#b@example.org",
                "\"a?b\"@example.org",
                "a@exa?mple.org",
                "a@example.org?cc=b@example.org",
                "a@@example.org",
                "@example.org",
                "a@",
                "a@-example.org",
                "a..b@example.org",
                "a@[127.0.0.1]"
            })
    void refusesAnythingButOnePlainAddress(String email) {
        assertThat(valid(email)).as(email).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "director@gsj.gov.cn",
                "o'brien.minister+ua@gov.example.org",
                "admin@localhost",
                "huang-xueqin_2@例え.jp",
                ""
            })
    void acceptsPlainAddressesAndNothing(String email) {
        assertThat(valid(email)).as(email).isTrue();
    }

    @Test
    void nothingTypedIsValidToo() {
        assertThat(valid(null)).isTrue();
    }

    @Test
    void everyMailtoPartIsEncoded() {
        assertThat(Mailto.to("minister?bcc=spy@evil.example", "A & B?", "x\n=y"))
                .isEqualTo("mailto:minister%3Fbcc%3Dspy@evil.example?subject=A%20%26%20B%3F&body=x%0D%0A%3Dy");
        assertThat(Mailto.to(" ")).isNull();
    }
}
