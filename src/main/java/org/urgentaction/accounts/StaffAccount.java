package org.urgentaction.accounts;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Version;

import org.urgentaction.audit.Versioned;

/**
 * A campaign staff member who logs in to /admin. Any change that takes something away (a role, the
 * account itself, the password) ends the sessions that began before it.
 */
@Entity
public class StaffAccount implements Versioned {

    /** A handed-out password that is not used within this stops working. */
    static final Duration ONE_TIME_PASSWORD_LIFETIME = Duration.ofHours(72);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String email;
    private String displayName;
    private String passwordHash;
    private boolean passwordOneTime;
    private Instant passwordExpiresAt;
    private Instant sessionsValidFrom = Instant.EPOCH;
    private byte[] totpSecret;
    private Long totpLastStep;

    @Enumerated(EnumType.STRING)
    private Role role;

    private boolean enabled = true;

    @Version
    private long version;

    private Instant createdAt = Instant.now();
    private Instant updatedAt = Instant.now();

    protected StaffAccount() {}

    /** An account whose password was chosen by its owner (the configured first administrator, tests). */
    StaffAccount(String email, String displayName, Role role, String passwordHash) {
        this.email = normalise(email);
        this.displayName = displayName.strip();
        this.role = role;
        this.passwordHash = passwordHash;
    }

    /** An account with a handed-out password, to be changed at first login. */
    static StaffAccount withOneTimePassword(
            String email, String displayName, Role role, String oneTimeHash, Instant now) {
        StaffAccount account = new StaffAccount(email, displayName, role, oneTimeHash);
        account.handOutPassword(oneTimeHash, now);
        return account;
    }

    static String normalise(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    void changeRole(Role role, Instant now) {
        if (this.role != role) {
            this.role = role;
            endSessions(now);
        }
    }

    void rename(String displayName) {
        this.displayName = displayName.strip();
    }

    void enable(boolean enabled, Instant now) {
        if (this.enabled && !enabled) {
            endSessions(now);
        }
        this.enabled = enabled;
    }

    /** An administrator's reset: the old password and every session end; the new one is one-time. */
    void handOutPassword(String oneTimeHash, Instant now) {
        this.passwordHash = oneTimeHash;
        this.passwordOneTime = true;
        this.passwordExpiresAt = now.plus(ONE_TIME_PASSWORD_LIFETIME);
        endSessions(now);
    }

    /** The owner's own choice; other sessions end (the one that chose is renewed by the caller). */
    void choosePassword(String passwordHash, Instant now) {
        this.passwordHash = passwordHash;
        this.passwordOneTime = false;
        this.passwordExpiresAt = null;
        endSessions(now);
    }

    boolean passwordExpired(Instant now) {
        return passwordExpiresAt != null && !now.isBefore(passwordExpiresAt);
    }

    /** A session that began at {@code loggedInAt} may go on. */
    boolean acceptsSessionFrom(Instant loggedInAt) {
        return enabled && !loggedInAt.isBefore(sessionsValidFrom);
    }

    void enrolSecondFactor(byte[] encryptedSecret, long acceptedStep) {
        this.totpSecret = encryptedSecret;
        this.totpLastStep = acceptedStep;
    }

    void removeSecondFactor(Instant now) {
        this.totpSecret = null;
        this.totpLastStep = null;
        endSessions(now);
    }

    /** A code is good once: refused for its own time step or an earlier one. */
    boolean useTotpStep(long step) {
        if (totpLastStep != null && step <= totpLastStep) {
            return false;
        }
        totpLastStep = step;
        return true;
    }

    boolean hasSecondFactor() {
        return totpSecret != null;
    }

    boolean needsSecondFactor(SecurityPolicy policy) {
        return role != Role.EDITOR || policy.editorsNeedSecondFactor();
    }

    private void endSessions(Instant now) {
        this.sessionsValidFrom = now;
    }

    @PreUpdate
    void touch() {
        updatedAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getDisplayName() {
        return displayName;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    boolean isPasswordOneTime() {
        return passwordOneTime;
    }

    byte[] getTotpSecret() {
        return totpSecret;
    }

    public Role getRole() {
        return role;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public long getVersion() {
        return version;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
