package org.urgentaction.web;

import java.sql.SQLException;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.dao.UncategorizedDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
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

    @ExceptionHandler({
        CannotCreateTransactionException.class,
        DataAccessResourceFailureException.class,
        TransientDataAccessResourceException.class
    })
    String unavailable(Exception cause, HttpServletResponse response) {
        log.warn("Database unavailable: {}", cause.getMessage());
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader("Retry-After", "30");
        return "error/503";
    }

    /**
     * The server died while a transaction was open: the statement failed, and then so did the
     * rollback on the dead connection, whose exception (uncategorised) replaces the first one.
     * Anything else of these kinds is declined (rethrown), and stays a 500.
     */
    @ExceptionHandler({UncategorizedDataAccessException.class, TransactionSystemException.class})
    String connectionLostMidTransaction(Exception cause, HttpServletResponse response) throws Exception {
        if (!isConnectionLoss(cause)) {
            throw cause;
        }
        return unavailable(cause, response);
    }

    private static boolean isConnectionLoss(Throwable cause) {
        for (Throwable next = cause; next != null; next = next.getCause()) {
            // Hibernate's failure to begin, commit or roll back against the JDBC connection itself.
            if (next.getClass().getName().equals("org.hibernate.TransactionException")) {
                return true;
            }
            // SQLSTATE class 08: connection exception; 57P01-03: the server shut down or crashed.
            if (next instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
        }
        return false;
    }
}
