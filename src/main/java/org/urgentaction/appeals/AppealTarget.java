package org.urgentaction.appeals;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** An official as this appeal lists it, by the official's id in the directory: in order, as primary recipient or copy. */
@Embeddable
public class AppealTarget {

    @Column(name = "target_id", nullable = false)
    private long targetId;

    @Enumerated(EnumType.STRING)
    private TargetRole role;

    private int position;

    protected AppealTarget() {}

    AppealTarget(long targetId, TargetRole role, int position) {
        this.targetId = targetId;
        this.role = role;
        this.position = position;
    }

    public long getTargetId() {
        return targetId;
    }

    public TargetRole getRole() {
        return role;
    }

    public int getPosition() {
        return position;
    }
}
