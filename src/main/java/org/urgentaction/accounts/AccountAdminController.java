package org.urgentaction.accounts;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.urgentaction.audit.AuditLog;
import org.urgentaction.web.EditConflict;
import org.urgentaction.web.StaleEditException;
import org.urgentaction.web.NotFoundException;

/**
 * Administrators manage staff accounts. A new account, or a reset, gets a one-time password shown
 * to the administrator once, to hand over in person; it is stored only as a bcrypt hash.
 */
@Controller
@AdminOnly
class AccountAdminController {

    static final String SUBJECT = "staff_account";

    private final StaffAccountRepository accounts;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    AccountAdminController(StaffAccountRepository accounts, PasswordEncoder encoder, AuditLog audit,
                           TransactionTemplate transaction) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.audit = audit;
        this.transaction = transaction;
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
    String create(@Valid @ModelAttribute("form") AccountForm form, BindingResult errors, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        // No target when a value could not be converted (role "root"); errors say which.
        if (errors.getTarget() != null && !errors.hasFieldErrors("email") && accounts.findByEmail(form.email()).isPresent()) {
            errors.rejectValue("email", "account.email.taken");
        }
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(null, model);
        }
        String oneTime = Passwords.generate();
        long id = transaction.execute(status -> {
            StaffAccount account = new StaffAccount(form.email(), form.displayName(), form.role(), encoder.encode(oneTime));
            account.enable(form.enabled());
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
    String update(@PathVariable long id, @Valid @ModelAttribute("form") AccountForm form, BindingResult errors, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(id, model);
        }
        try {
            transaction.executeWithoutResult(status -> {
                StaffAccount account = find(id);
                StaleEditException.check(form.version(), account.getVersion());
                boolean losesAdmin = account.getRole() == Role.ADMIN && account.isEnabled()
                        && (form.role() != Role.ADMIN || !form.enabled());
                if (losesAdmin && accounts.countByRoleAndEnabledTrue(Role.ADMIN) <= 1) {
                    throw new LastAdministratorException();
                }
                AccountForm before = AccountForm.of(account);
                account.rename(form.displayName());
                account.changeRole(form.role());
                account.enable(form.enabled());
                accounts.flush();
                audit.record("account.updated", SUBJECT, id, EditConflict.describe(before, AccountForm.of(account)));
            });
        } catch (LastAdministratorException refused) {
            errors.reject("account.lastAdministrator");
            response.setStatus(HttpStatus.CONFLICT.value());
            return form(id, model);
        } catch (StaleEditException | ObjectOptimisticLockingFailureException conflict) {
            StaffAccount saved = find(id);
            EditConflict.show(model, response, AccountForm.of(saved), form, saved.getVersion());
            return form(id, model);
        }
        redirect.addFlashAttribute("notice", "admin.saved");
        return "redirect:/admin/accounts/" + id + "/edit";
    }

    @PostMapping("/admin/accounts/{id}/reset-password")
    String resetPassword(@PathVariable long id, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        String oneTime = Passwords.generate();
        transaction.executeWithoutResult(status -> {
            StaffAccount account = find(id);
            account.changePasswordHash(encoder.encode(oneTime));
            audit.record("account.passwordReset", SUBJECT, id, account.getEmail());
        });
        redirect.addFlashAttribute("oneTimePassword", oneTime);
        redirect.addFlashAttribute("notice", "admin.account.passwordReset");
        return "redirect:/admin/accounts/" + id + "/edit";
    }

    private String form(Long id, Model model) {
        model.addAttribute("accountId", id);
        model.addAttribute("roles", Role.values());
        if (id != null) {
            model.addAttribute("trail", audit.trailOf(SUBJECT, id));
        }
        return "admin/accounts/form";
    }

    private StaffAccount find(long id) {
        return accounts.findById(id).orElseThrow(() -> new NotFoundException("account", id));
    }

    /** Refused: it would leave nobody able to manage accounts. */
    static class LastAdministratorException extends RuntimeException {
    }
}
