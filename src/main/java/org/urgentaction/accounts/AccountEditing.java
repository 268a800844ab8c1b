package org.urgentaction.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

import org.urgentaction.audit.AuditLog;
import org.urgentaction.audit.StaffEdits;
import org.urgentaction.web.NotFoundException;

/**
 * Everything changed on staff accounts, audited: an administrator's edits and resets, and a staff
 * member's own password and second factor. One rule is kept here for every path: there is always
 * an enabled administrator left.
 */
@Service
@Transactional
class AccountEditing {

    static final String SUBJECT = "staff_account";

    /** A password handed out once, to the account of {@code email}. */
    record HandedOut(long id, String email, String oneTimePassword) {}

    /** Refused: it would leave nobody able to manage accounts. */
    static class LastAdministratorException extends RuntimeException {}

    private final StaffAccountRepository accounts;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final SecondFactor secondFactor;
    private final StaffEdits edits;
    private final AuditLog audit;
    private final Clock clock;

    AccountEditing(
            StaffAccountRepository accounts,
            PasswordEncoder encoder,
            PasswordPolicy policy,
            SecondFactor secondFactor,
            StaffEdits edits,
            AuditLog audit,
            Clock clock) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.policy = policy;
        this.secondFactor = secondFactor;
        this.edits = edits;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    StaffAccount get(long id) {
        return accounts.findById(id).orElseThrow(() -> new NotFoundException("account", id));
    }

    @Transactional(readOnly = true)
    boolean emailTaken(String email) {
        return accounts.findByEmail(email).isPresent();
    }

    HandedOut create(AccountForm form) {
        String oneTime = Passwords.generate();
        Instant now = clock.instant();
        StaffAccount account = StaffAccount.withOneTimePassword(
                form.email(), form.displayName(), form.role(), encoder.encode(oneTime), now);
        account.enable(form.enabled(), now);
        accounts.save(account);
        audit.record("account.created", SUBJECT, account.getId(), account.getEmail() + " as " + account.getRole());
        return new HandedOut(account.getId(), account.getEmail(), oneTime);
    }

    /** @return the e-mail whose sessions must end, when the account lost its role or was disabled */
    Optional<String> update(long id, AccountForm form) {
        StaffAccount account = get(id);
        AccountForm before = AccountForm.of(account);
        edits.update("account.updated", SUBJECT, account, form.version(), AccountForm::of, changed -> {
            refuseLosingTheLastAdministrator(changed, form);
            Instant now = clock.instant();
            changed.rename(form.displayName());
            changed.changeRole(form.role(), now);
            changed.enable(form.enabled(), now);
        });
        boolean revoked = before.role() != account.getRole() || (before.enabled() && !account.isEnabled());
        return revoked ? Optional.of(account.getEmail()) : Optional.empty();
    }

    private void refuseLosingTheLastAdministrator(StaffAccount account, AccountForm form) {
        boolean losesAdmin = account.getRole() == Role.ADMIN
                && account.isEnabled()
                && (form.role() != Role.ADMIN || !form.enabled());
        if (losesAdmin && accounts.findByRoleAndEnabledTrueOrderById(Role.ADMIN).size() <= 1) {
            throw new LastAdministratorException();
        }
    }

    HandedOut resetPassword(long id) {
        StaffAccount account = get(id);
        String oneTime = Passwords.generate();
        account.handOutPassword(encoder.encode(oneTime), clock.instant());
        audit.record("account.passwordReset", SUBJECT, id, account.getEmail());
        return new HandedOut(id, account.getEmail(), oneTime);
    }

    /**
     * For a lost phone without recovery codes. The password is replaced by a one-time password too:
     * with only the old password, whoever had phished it would enrol their own app after the reset.
     */
    HandedOut resetSecondFactor(long id) {
        StaffAccount account = get(id);
        String removed = secondFactor.remove(id);
        String oneTime = Passwords.generate();
        account.handOutPassword(encoder.encode(oneTime), clock.instant());
        audit.record("account.secondFactorReset", SUBJECT, id, removed);
        return new HandedOut(id, account.getEmail(), oneTime);
    }

    /** Adds to {@code errors} why the new password can't replace the present one. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED) // bcrypt is slow: no connection held meanwhile
    void checkPasswordChange(StaffAccount account, PasswordForm form, Errors errors) {
        if (!errors.hasFieldErrors("currentPassword")
                && !encoder.matches(form.currentPassword(), account.getPasswordHash())) {
            errors.rejectValue("currentPassword", "password.currentWrong");
        }
        if (errors.hasFieldErrors("newPassword")) {
            return;
        }
        policy.problems(form.newPassword(), account.getEmail())
                .forEach(problem -> errors.rejectValue(
                        "newPassword", problem.messageKey(), problem.values(), problem.englishText()));
        if (form.newPassword().equals(form.currentPassword())) {
            errors.rejectValue("newPassword", "password.unchanged");
        }
        if (!Objects.equals(form.newPassword(), form.repeatPassword())) {
            errors.rejectValue("repeatPassword", "password.repeatDiffers");
        }
    }

    void changeOwnPassword(long id, String newPassword) {
        StaffAccount account = get(id);
        account.choosePassword(encoder.encode(newPassword), clock.instant());
        audit.record("account.passwordChanged", SUBJECT, id, account.getEmail());
    }

    /** @return the recovery codes to show once; empty when the code does not match the secret */
    List<String> enrolSecondFactor(long id, String secret, String code) {
        List<String> recoveryCodes = secondFactor.enrol(id, secret, code);
        if (!recoveryCodes.isEmpty()) {
            audit.record("account.secondFactorEnrolled", SUBJECT, id, get(id).getEmail());
        }
        return recoveryCodes;
    }

    List<String> replaceRecoveryCodes(long id) {
        List<String> recoveryCodes = secondFactor.newRecoveryCodes(id);
        audit.record("account.recoveryCodesReplaced", SUBJECT, id, get(id).getEmail());
        return recoveryCodes;
    }
}
