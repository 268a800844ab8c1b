package org.urgentaction.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * PostgreSQL cannot store the NUL character in text, and no person types one: a request carrying
 * it in a parameter is refused with a 400 here, before it can reach a query.
 */
@Component
// After Boot's character-encoding filter (HIGHEST_PRECEDENCE): reading parameters any earlier would
// decode them before UTF-8 is set, and every non-Latin name would be garbled.
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class NulCharacterFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (parameter.getKey().indexOf('\0') >= 0 || containsNul(parameter.getValue())) {
                response.sendError(HttpStatus.BAD_REQUEST.value());
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean containsNul(String[] values) {
        for (String value : values) {
            if (value != null && value.indexOf('\0') >= 0) {
                return true;
            }
        }
        return false;
    }
}
