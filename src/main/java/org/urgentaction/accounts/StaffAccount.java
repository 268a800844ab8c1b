package org.urgentaction.accounts;

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

/** A campaign staff member who logs in to /admin. */
@Entity
public class StaffAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String email;
    private String displayName;
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    private Role role;

    private boolean enabled = true;

    @Version
    private long version;

    private Instant createdAt = Instant.now();
    private Instant updatedAt = Instant.now();

    protected StaffAccount() {
    }

    StaffAccount(String email, String displayName, Role role, String passwordHash) {
        this.email = normalise(email);
        this.displayName = displayName.strip();
        this.role = role;
        this.passwordHash = passwordHash;
    }

    static String normalise(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    void changeRole(Role role) {
        this.role = role;
    }

    void rename(String displayName) {
        this.displayName = displayName.strip();
    }

    void enable(boolean enabled) {
        this.enabled = enabled;
    }

    void changePasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
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
