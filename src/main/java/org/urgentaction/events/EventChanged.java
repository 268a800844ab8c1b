package org.urgentaction.events;

import org.springframework.modulith.NamedInterface;

import org.urgentaction.web.PublicContentEvent;

/**
 * An event was created, edited, published or unpublished: the events pages and the pages of the
 * appeals it is held for show the change. Delivered after commit.
 */
@NamedInterface("events")
public record EventChanged(long eventId, String slug) implements PublicContentEvent {}
