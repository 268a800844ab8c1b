package org.urgentaction.targets;

import org.springframework.modulith.NamedInterface;

/** A supporter who called a target on an appeal says the number did not reach them. */
@NamedInterface("api")
public record WrongNumberReported(long targetId, long appealId) {}
