package org.urgentaction.accounts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.modulith.NamedInterface;
import org.springframework.security.access.prepost.PreAuthorize;

/** Editors and administrators may write appeals, people, targets, templates and updates. */
@NamedInterface("api")
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@PreAuthorize("hasAnyRole('EDITOR', 'ADMIN')")
public @interface CanEdit {}
