package org.urgentaction.web;

import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * While PostgreSQL is unreachable (restarting, failing over) a page says so with a 503 and a
 * Retry-After, instead of an error; the connection pool reconnects by itself once it is back.
 * Only these exceptions: anything else is a bug and stays a 500.
 */
@ControllerAdvice
class DatabaseUnavailableAdvice {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableAdvice.class);

    @ExceptionHandler({CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
            TransientDataAccessResourceException.class})
    String unavailable(Exception cause, HttpServletResponse response) {
        log.warn("Database unavailable: {}", cause.getMessage());
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader("Retry-After", "30");
        return "error/503";
    }
}
