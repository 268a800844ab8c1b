package org.urgentaction.events;

/** A change the event's rules refuse; {@code messageKey} says why, on the page. */
class EventRuleException extends RuntimeException {

    private final String messageKey;

    EventRuleException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    String messageKey() {
        return messageKey;
    }
}
