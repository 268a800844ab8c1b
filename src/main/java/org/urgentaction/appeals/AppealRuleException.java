package org.urgentaction.appeals;

/** An appeal refused a change that breaks one of its rules; the message key explains which to staff. */
public class AppealRuleException extends IllegalStateException {

    private final String messageKey;

    public AppealRuleException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
