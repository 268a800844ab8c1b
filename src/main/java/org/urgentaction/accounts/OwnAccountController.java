package org.urgentaction.accounts;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import org.urgentaction.web.NotFoundException;

/**
 * A staff member's own account: changing the password (with the present one; also the forced step
 * after a one-time password) and the second factor (enrolment, new recovery codes). A login with a
 * step pending reaches the step's page here and nothing else.
 */
@Controller
class OwnAccountController {

    private final AccountEditing editing;
    private final StaffAccountRepository accounts;
    private final SecondFactor secondFactor;
    private final LoginThrottle throttle;
    private final StaffSessions sessions;
    private final LoginSteps steps;

    OwnAccountController(
            AccountEditing editing,
            StaffAccountRepository accounts,
            SecondFactor secondFactor,
            LoginThrottle throttle,
            StaffSessions sessions,
            LoginSteps steps) {
        this.editing = editing;
        this.accounts = accounts;
        this.secondFactor = secondFactor;
        this.throttle = throttle;
        this.sessions = sessions;
        this.steps = steps;
    }

    @GetMapping("/admin/account/password")
    String passwordForm(Model model) {
        model.addAttribute("form", PasswordForm.empty());
        return passwordPage(model);
    }

    @PostMapping("/admin/account/password")
    String changePassword(
            @Valid @ModelAttribute("form") PasswordForm form,
            BindingResult errors,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException, ServletException {
        StaffAccount account = own();
        editing.checkPasswordChange(account, form, errors);
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return passwordPage(model);
        }
        editing.changeOwnPassword(account.getId(), form.newPassword());
        HttpSession session = request.getSession(false);
        sessions.endAll(account.getEmail(), session == null ? null : session.getId());
        if (SecurityContextHolder.getContext().getAuthentication() instanceof StaffAuthentication login) {
            steps.stepDone(request, response, login, login.secondFactorDone());
            return null;
        }
        return "redirect:/admin";
    }

    @GetMapping("/admin/account/second-factor")
    String secondFactorPage(Model model) {
        StaffAccount account = own();
        if (!account.hasSecondFactor()) {
            String secret = secondFactor.newSecret();
            model.addAttribute("sealedSecret", secondFactor.seal(secret, account.getId()));
            showSecret(model, account, secret);
        } else {
            model.addAttribute("unusedRecoveryCodes", secondFactor.unusedRecoveryCodes(account.getId()));
        }
        model.addAttribute("enrolled", account.hasSecondFactor());
        return "accounts/second-factor";
    }

    @PostMapping("/admin/account/second-factor")
    String enrol(
            @RequestParam(defaultValue = "") String sealedSecret,
            @RequestParam(defaultValue = "") String code,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException, ServletException {
        StaffAccount account = own();
        if (account.hasSecondFactor()) {
            return "redirect:/admin/account/second-factor";
        }
        String secret;
        try {
            secret = secondFactor.unseal(sealedSecret, account.getId());
        } catch (GeneralSecurityException forged) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return secondFactorPage(model);
        }
        List<String> recoveryCodes = editing.enrolSecondFactor(account.getId(), secret, code);
        if (recoveryCodes.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("codeWrong", true);
            model.addAttribute("sealedSecret", sealedSecret);
            model.addAttribute("enrolled", false);
            showSecret(model, account, secret);
            return "accounts/second-factor";
        }
        if (SecurityContextHolder.getContext().getAuthentication() instanceof StaffAuthentication login) {
            steps.renew(request, response, login, true);
        }
        model.addAttribute("recoveryCodes", recoveryCodes);
        return "accounts/recovery-codes";
    }

    /**
     * New recovery codes need a current code from the app (or a recovery code), not only the
     * session: whoever holds a stolen session must not get a lasting way in. Wrong codes count in
     * the login throttle.
     */
    @PostMapping("/admin/account/second-factor/recovery-codes")
    ModelAndView newRecoveryCodes(
            @RequestParam(defaultValue = "") String code, Model model, HttpServletRequest request) {
        StaffAccount account = own();
        if (!account.hasSecondFactor()) {
            return new ModelAndView("redirect:/admin/account/second-factor");
        }
        String address = request.getRemoteAddr();
        Optional<LoginThrottle.Refusal> refusal = throttle.reserve(account.getEmail(), address);
        if (refusal.isPresent()) {
            model.addAttribute(
                    "waitSeconds", Math.max(1, refusal.get().retryAfter().toSeconds()));
            return new ModelAndView(secondFactorPage(model), HttpStatus.TOO_MANY_REQUESTS);
        }
        if (code.length() > 40 || !secondFactor.verify(account.getId(), code)) {
            model.addAttribute("recoveryCodeWrong", true);
            return new ModelAndView(secondFactorPage(model), HttpStatus.BAD_REQUEST);
        }
        throttle.succeeded(account.getEmail(), address);
        model.addAttribute("recoveryCodes", editing.replaceRecoveryCodes(account.getId()));
        return new ModelAndView("accounts/recovery-codes");
    }

    private void showSecret(Model model, StaffAccount account, String secret) {
        model.addAttribute("secret", secret.replaceAll("(.{4})(?!$)", "$1 "));
        model.addAttribute("otpauthUri", secondFactor.otpauthUri(account.getEmail(), secret));
    }

    private String passwordPage(Model model) {
        model.addAttribute("oneTime", own().isPasswordOneTime());
        model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
        return "accounts/password";
    }

    /** The logged-in staff member's account. */
    private StaffAccount own() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof StaffAuthentication login) {
            return editing.get(login.getPrincipal().accountId());
        }
        return accounts.findByEmail(authentication.getName()).orElseThrow(() -> new NotFoundException("account", 0L));
    }
}
