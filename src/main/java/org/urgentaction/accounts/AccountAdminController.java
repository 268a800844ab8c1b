package org.urgentaction.accounts;

import java.time.Clock;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.urgentaction.audit.AuditLog;
import org.urgentaction.web.EditConflict;
import org.urgentaction.web.NotFoundException;
import org.urgentaction.web.StaleEditException;

/**
 * Administrators manage staff accounts. A new account, or a reset, gets a one-time password shown
 * to the administrator once, to hand over in person; it is stored only as a bcrypt hash, must be
 * replaced at first login and lapses after 72 hours. A role change, a deactivation or a reset
 * ends the account's sessions at once.
 */
@Controller
@AdminOnly
class AccountAdminController {

    static final String SUBJECT = "staff_account";

    private final StaffAccountRepository accounts;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    private final StaffSessions sessions;
    private final SecondFactor secondFactor;
    private final Clock clock;

    AccountAdminController(
            StaffAccountRepository accounts,
            PasswordEncoder encoder,
            AuditLog audit,
            TransactionTemplate transaction,
            StaffSessions sessions,
            SecondFactor secondFactor,
            Clock clock) {
        this.secondFactor = secondFactor;
        this.accounts = accounts;
        this.encoder = encoder;
        this.audit = audit;
        this.transaction = transaction;
        this.sessions = sessions;
        this.clock = clock;
    }

    @GetMapping("/admin/accounts")
    String list(Model model) {
        model.addAttribute("accounts", accounts.findAllByOrderByDisplayNameAsc());
        return "admin/accounts/list";
    }

    @GetMapping("/admin/accounts/new")
    String newAccount(Model model) {
        model.addAttribute("form", AccountForm.empty());
        return form(null, model);
    }

    @PostMapping("/admin/accounts")
    String create(
            @Valid @ModelAttribute("form") AccountForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        // No target when a value could not be converted (role "root"); errors say which.
        if (errors.getTarget() != null
                && !errors.hasFieldErrors("email")
                && accounts.findByEmail(form.email()).isPresent()) {
            errors.rejectValue("email", "account.email.taken");
        }
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(null, model);
        }
        String oneTime = Passwords.generate();
        long id = transaction.execute(status -> {
            Instant now = clock.instant();
            StaffAccount account = StaffAccount.withOneTimePassword(
                    form.email(), form.displayName(), form.role(), encoder.encode(oneTime), now);
            account.enable(form.enabled(), now);
            accounts.save(account);
            audit.record("account.created", SUBJECT, account.getId(), account.getEmail() + " as " + account.getRole());
            return account.getId();
        });
        redirect.addFlashAttribute("oneTimePassword", oneTime);
        redirect.addFlashAttribute("notice", "admin.account.created");
        return "redirect:/admin/accounts/" + id + "/edit";
    }

    @GetMapping("/admin/accounts/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        model.addAttribute("form", AccountForm.of(find(id)));
        return form(id, model);
    }

    @PostMapping("/admin/accounts/{id}")
    String update(
            @PathVariable long id,
            @Valid @ModelAttribute("form") AccountForm form,
            BindingResult errors,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(id, model);
        }
        String email;
        try {
            email = transaction.execute(status -> {
                StaffAccount account = find(id);
                StaleEditException.check(form.version(), account.getVersion());
                boolean losesAdmin = account.getRole() == Role.ADMIN
                        && account.isEnabled()
                        && (form.role() != Role.ADMIN || !form.enabled());
                if (losesAdmin && accounts.countByRoleAndEnabledTrue(Role.ADMIN) <= 1) {
                    throw new LastAdministratorException();
                }
                AccountForm before = AccountForm.of(account);
                Instant now = clock.instant();
                account.rename(form.displayName());
                account.changeRole(form.role(), now);
                account.enable(form.enabled(), now);
                accounts.flush();
                audit.record("account.updated", SUBJECT, id, EditConflict.describe(before, AccountForm.of(account)));
                boolean revoked = before.role() != account.getRole() || (before.enabled() && !account.isEnabled());
                return revoked ? account.getEmail() : null;
            });
        } catch (LastAdministratorException refused) {
            errors.reject("account.lastAdministrator");
            response.setStatus(HttpStatus.CONFLICT.value());
            return form(id, model);
        } catch (StaleEditException | ObjectOptimisticLockingFailureException conflict) {
            StaffAccount saved = find(id);
            response.setStatus(EditConflict.show(model, AccountForm.of(saved), form, saved.getVersion())
                    .value());
            return form(id, model);
        }
        if (email != null && endSessions(email, request)) {
            return "redirect:/login?ended";
        }
        redirect.addFlashAttribute("notice", "admin.saved");
        return "redirect:/admin/accounts/" + id + "/edit";
    }

    @PostMapping("/admin/accounts/{id}/reset-password")
    String resetPassword(@PathVariable long id, HttpServletRequest request, RedirectAttributes redirect) {
        String oneTime = Passwords.generate();
        String email = transaction.execute(status -> {
            StaffAccount account = find(id);
            account.handOutPassword(encoder.encode(oneTime), clock.instant());
            audit.record("account.passwordReset", SUBJECT, id, account.getEmail());
            return account.getEmail();
        });
        if (endSessions(email, request)) {
            return "redirect:/login?ended";
        }
        redirect.addFlashAttribute("oneTimePassword", oneTime);
        redirect.addFlashAttribute("notice", "admin.account.passwordReset");
        return "redirect:/admin/accounts/" + id + "/edit";
    }

    /**
     * For a lost phone without recovery codes: the person sets up an app again at the next login.
     * The password is replaced by a one-time password too, handed over in person: with only the
     * old password, whoever had phished it would enrol their own authenticator after the reset.
     */
    @PostMapping("/admin/accounts/{id}/reset-second-factor")
    String resetSecondFactor(@PathVariable long id, HttpServletRequest request, RedirectAttributes redirect) {
        find(id);
        String oneTime = Passwords.generate();
        String email = transaction.execute(status -> {
            String removed = secondFactor.remove(id);
            find(id).handOutPassword(encoder.encode(oneTime), clock.instant());
            audit.record("account.secondFactorReset", SUBJECT, id, removed);
            return removed;
        });
        if (endSessions(email, request)) {
            return "redirect:/login?ended";
        }
        redirect.addFlashAttribute("oneTimePassword", oneTime);
        redirect.addFlashAttribute("notice", "admin.account.secondFactorReset");
        return "redirect:/admin/accounts/" + id + "/edit";
    }

    /**
     * Ends the account's sessions once the change is committed; true when one of them was this
     * request's own (an administrator changing their own account), which then ends too.
     */
    private boolean endSessions(String email, HttpServletRequest request) {
        sessions.endAll(email, null);
        if (email.equals(request.getRemoteUser())) {
            HttpSession own = request.getSession(false);
            if (own != null) {
                own.invalidate();
            }
            SecurityContextHolder.clearContext();
            return true;
        }
        return false;
    }

    private String form(Long id, Model model) {
        model.addAttribute("accountId", id);
        model.addAttribute("roles", Role.values());
        if (id != null) {
            model.addAttribute("trail", audit.trailOf(SUBJECT, id));
            model.addAttribute("hasSecondFactor", find(id).hasSecondFactor());
        }
        return "admin/accounts/form";
    }

    private StaffAccount find(long id) {
        return accounts.findById(id).orElseThrow(() -> new NotFoundException("account", id));
    }

    /** Refused: it would leave nobody able to manage accounts. */
    static class LastAdministratorException extends RuntimeException {}
}
