package org.urgentaction.demo;

import java.util.List;
import java.util.Objects;

import org.urgentaction.events.EventForm;

/** One demo event as its file has it: the form staff fill in, and the demo appeals (file names) it is held for. */
record DemoEvent(EventForm event, List<String> appeals) {

    DemoEvent {
        Objects.requireNonNull(event, "event");
        appeals = Objects.requireNonNullElse(appeals, List.of());
    }
}
