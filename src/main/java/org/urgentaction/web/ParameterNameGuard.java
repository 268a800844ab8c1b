package org.urgentaction.web;

import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.context.request.WebRequest;

/**
 * Request parameter names with an index or a nested property ({@code letters[3].body}) are bound
 * only where the form has that shape: a list of a form record, at an index below
 * {@link #MAX_INDEX}. Anything else ({@code targetIds[99999]}, {@code version[0].x}, {@code to["a"]})
 * is a 400 page before the binder sees it: Spring's binder answers such names with exceptions of
 * every kind (index out of bounds, number format, unsupported operation on a form's own list),
 * which would be 500s. Plain names are left to the binder, which ignores the ones a form lacks.
 */
@ControllerAdvice
class ParameterNameGuard {

    /** No form takes more than 50 items in a list (letters, officials); far indexes would allocate lists that long. */
    static final int MAX_INDEX = 100;

    private static final Logger log = LoggerFactory.getLogger(ParameterNameGuard.class);

    /** One step of a property path: a name and an optional index of up to four digits. */
    private static final Pattern STEP = Pattern.compile("([A-Za-z][A-Za-z0-9]*)(?:\\[(\\d{1,4})])?");

    @InitBinder
    void refuseNamesTheFormDoesNotHave(WebDataBinder binder, WebRequest request) {
        binder.setAutoGrowCollectionLimit(MAX_INDEX);
        ResolvableType form = binder.getTargetType();
        if (form == null || binder.getTarget() != null) {
            return; // no form about to be bound: a value being converted, or a model attribute being rendered
        }
        for (Iterator<String> names = request.getParameterNames(); names.hasNext(); ) {
            String name = names.next();
            if ((name.indexOf('[') >= 0 || name.indexOf('.') >= 0) && !fits(name, form)) {
                throw new MalformedParameterNameException(name);
            }
        }
    }

    /** Binding failures the guard lets through (none known): a 400 page, as for any malformed form. */
    @ExceptionHandler(InvalidPropertyException.class)
    String invalidProperty(InvalidPropertyException cause, HttpServletResponse response) {
        log.info("Refused a request parameter: {}", cause.getPropertyName());
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return "error/4xx";
    }

    /** Whether the path names, step by step, components of records, indexing only their lists. */
    static boolean fits(String name, ResolvableType form) {
        ResolvableType type = form;
        String[] steps = name.split("\\.", -1);
        for (int i = 0; i < steps.length; i++) {
            Matcher step = STEP.matcher(steps[i]);
            Class<?> current = type.resolve();
            if (!step.matches() || current == null || !current.isRecord()) {
                return false;
            }
            RecordComponent component = component(current, step.group(1));
            if (component == null) {
                return false;
            }
            type = ResolvableType.forType(component.getGenericType(), type);
            if (step.group(2) != null) {
                if (Integer.parseInt(step.group(2)) >= MAX_INDEX || !List.class.isAssignableFrom(type.toClass())) {
                    return false;
                }
                type = type.getGeneric(0);
            }
            boolean last = i == steps.length - 1;
            if (!last && BeanUtils.isSimpleValueType(type.toClass())) {
                return false;
            }
        }
        return true;
    }

    private static RecordComponent component(Class<?> record, String name) {
        for (RecordComponent component : record.getRecordComponents()) {
            if (component.getName().equals(name)) {
                return component;
            }
        }
        return null;
    }

    /** A parameter name the form cannot take: a 400 page. */
    @ResponseStatus(value = HttpStatus.BAD_REQUEST, reason = "Unknown or malformed parameter name")
    static class MalformedParameterNameException extends RuntimeException {
        MalformedParameterNameException(String name) {
            super("Unknown or malformed parameter name: " + name.substring(0, Math.min(name.length(), 80)));
        }
    }
}
