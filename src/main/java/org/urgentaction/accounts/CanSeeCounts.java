package org.urgentaction.accounts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.modulith.NamedInterface;
import org.springframework.security.access.prepost.PreAuthorize;

/** Organisers and administrators see and export action counts and print the tally for officials. */
@NamedInterface("api")
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@PreAuthorize("hasAnyRole('ORGANISER', 'ADMIN')")
public @interface CanSeeCounts {}
