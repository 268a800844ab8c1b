package org.urgentaction.web;

import org.springframework.modulith.NamedInterface;

/**
 * A domain event that changes what supporters see: the public page cache forgets its copies when one
 * is committed. Implemented by the modules' event records, so the cache needs to know none of them.
 */
@NamedInterface("api")
public interface PublicContentEvent {}
