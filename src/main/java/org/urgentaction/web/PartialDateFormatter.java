package org.urgentaction.web;

import java.text.ParseException;
import java.util.Locale;

import org.springframework.format.Formatter;
import org.springframework.stereotype.Component;

/**
 * Binds form fields to {@link PartialDate} ("2014-12" in, "2014-12" back in the field); a value it
 * cannot read is a type mismatch, which the form shows with its message.
 */
@Component
class PartialDateFormatter implements Formatter<PartialDate> {

    @Override
    public PartialDate parse(String text, Locale locale) throws ParseException {
        try {
            return PartialDate.parse(text);
        } catch (IllegalArgumentException notADate) {
            throw new ParseException(notADate.getMessage(), 0);
        }
    }

    @Override
    public String print(PartialDate date, Locale locale) {
        return date.toString();
    }
}
