package org.urgentaction.appeals;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import org.urgentaction.targets.Target;

/** A target as this appeal lists it: in order, as primary recipient or copy. */
@Embeddable
public class AppealTarget {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "target_id")
    private Target target;

    @Enumerated(EnumType.STRING)
    private TargetRole role;

    private int position;

    protected AppealTarget() {}

    AppealTarget(Target target, TargetRole role, int position) {
        this.target = target;
        this.role = role;
        this.position = position;
    }

    public Target getTarget() {
        return target;
    }

    public TargetRole getRole() {
        return role;
    }

    public int getPosition() {
        return position;
    }
}
