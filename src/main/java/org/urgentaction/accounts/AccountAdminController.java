package org.urgentaction.accounts;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.urgentaction.accounts.AccountEditing.HandedOut;
import org.urgentaction.accounts.AccountEditing.LastAdministratorException;
import org.urgentaction.audit.AuditLog;
import org.urgentaction.web.EditConflict;
import org.urgentaction.web.StaleEditException;

/**
 * Administrators manage staff accounts. A new account, or a reset, gets a one-time password shown
 * to the administrator once, to hand over in person; it is stored only as a bcrypt hash, must be
 * replaced at first login and lapses after 72 hours. A role change, a deactivation or a reset
 * ends the account's sessions at once.
 */
@Controller
@AdminOnly
@RequestMapping("/admin/accounts")
class AccountAdminController {

    private final AccountEditing editing;
    private final StaffAccountRepository accounts;
    private final StaffSessions sessions;
    private final AuditLog audit;

    AccountAdminController(
            AccountEditing editing, StaffAccountRepository accounts, StaffSessions sessions, AuditLog audit) {
        this.editing = editing;
        this.accounts = accounts;
        this.sessions = sessions;
        this.audit = audit;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("accounts", accounts.findAllByOrderByDisplayNameAsc());
        return "admin/accounts/list";
    }

    @GetMapping("/new")
    String newAccount(Model model) {
        model.addAttribute("form", AccountForm.empty());
        return form(null, model);
    }

    @PostMapping
    ModelAndView create(
            @Valid @ModelAttribute("form") AccountForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        // No target when a value could not be converted (role "root"); errors say which.
        if (errors.getTarget() != null && !errors.hasFieldErrors("email") && editing.emailTaken(form.email())) {
            errors.rejectValue("email", "account.email.taken");
        }
        if (errors.hasErrors()) {
            return new ModelAndView(form(null, model), HttpStatus.BAD_REQUEST);
        }
        HandedOut created = editing.create(form);
        return handedOut(created, "admin.account.created", redirect);
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        model.addAttribute("form", AccountForm.of(editing.get(id)));
        return form(id, model);
    }

    @PostMapping("/{id}")
    ModelAndView update(
            @PathVariable long id,
            @Valid @ModelAttribute("form") AccountForm form,
            BindingResult errors,
            Model model,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return new ModelAndView(form(id, model), HttpStatus.BAD_REQUEST);
        }
        Optional<String> revoked;
        try {
            revoked = editing.update(id, form);
        } catch (LastAdministratorException refused) {
            errors.reject("account.lastAdministrator");
            return new ModelAndView(form(id, model), HttpStatus.CONFLICT);
        } catch (StaleEditException conflict) {
            StaffAccount saved = editing.get(id);
            HttpStatus status = EditConflict.show(model, AccountForm.of(saved), form, saved.getVersion());
            return new ModelAndView(form(id, model), status);
        }
        if (revoked.isPresent() && endSessions(revoked.get(), request)) {
            return new ModelAndView("redirect:/login?ended");
        }
        redirect.addFlashAttribute("notice", "admin.saved");
        return new ModelAndView("redirect:/admin/accounts/" + id + "/edit");
    }

    @PostMapping("/{id}/reset-password")
    ModelAndView resetPassword(@PathVariable long id, HttpServletRequest request, RedirectAttributes redirect) {
        return afterReset(editing.resetPassword(id), "admin.account.passwordReset", request, redirect);
    }

    @PostMapping("/{id}/reset-second-factor")
    ModelAndView resetSecondFactor(@PathVariable long id, HttpServletRequest request, RedirectAttributes redirect) {
        return afterReset(editing.resetSecondFactor(id), "admin.account.secondFactorReset", request, redirect);
    }

    /** A reset ends the account's sessions, this one's too when it was the administrator's own. */
    private ModelAndView afterReset(
            HandedOut reset, String notice, HttpServletRequest request, RedirectAttributes redirect) {
        return endSessions(reset.email(), request)
                ? new ModelAndView("redirect:/login?ended")
                : handedOut(reset, notice, redirect);
    }

    /** The one-time password is shown once, on the account's page after the redirect. */
    private static ModelAndView handedOut(HandedOut account, String notice, RedirectAttributes redirect) {
        redirect.addFlashAttribute("oneTimePassword", account.oneTimePassword());
        redirect.addFlashAttribute("notice", notice);
        return new ModelAndView("redirect:/admin/accounts/" + account.id() + "/edit");
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
            model.addAttribute("trail", audit.trailOf(AccountEditing.SUBJECT, id));
            model.addAttribute("hasSecondFactor", editing.get(id).hasSecondFactor());
        }
        return "admin/accounts/form";
    }
}
