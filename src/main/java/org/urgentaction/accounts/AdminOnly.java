package org.urgentaction.accounts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.modulith.NamedInterface;
import org.springframework.security.access.prepost.PreAuthorize;

/** Only administrators: accounts, and reopening a closed appeal. */
@NamedInterface("api")
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@PreAuthorize("hasRole('ADMIN')")
public @interface AdminOnly {}
