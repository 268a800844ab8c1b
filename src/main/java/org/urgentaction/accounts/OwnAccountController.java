package org.urgentaction.accounts;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.urgentaction.audit.AuditLog;
import org.urgentaction.web.NotFoundException;

/**
 * A staff member's own account: changing the password (with the present one; also the forced step
 * after a one-time password) and the second factor (enrolment, new recovery codes). A login with a
 * step pending reaches the step's page here and nothing else.
 */
@Controller
class OwnAccountController {

    private final StaffAccountRepository accounts;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final SecondFactor secondFactor;
    private final LoginThrottle throttle;
    private final StaffSessions sessions;
    private final LoginSteps steps;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    OwnAccountController(
            StaffAccountRepository accounts,
            PasswordEncoder encoder,
            PasswordPolicy policy,
            SecondFactor secondFactor,
            LoginThrottle throttle,
            StaffSessions sessions,
            LoginSteps steps,
            AuditLog audit,
            TransactionTemplate transaction,
            Clock clock) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.policy = policy;
        this.secondFactor = secondFactor;
        this.throttle = throttle;
        this.sessions = sessions;
        this.steps = steps;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
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
        if (!errors.hasFieldErrors("currentPassword")
                && !encoder.matches(form.currentPassword(), account.getPasswordHash())) {
            errors.rejectValue("currentPassword", "password.currentWrong");
        }
        if (!errors.hasFieldErrors("newPassword")) {
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
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return passwordPage(model);
        }
        transaction.executeWithoutResult(status -> {
            StaffAccount changed = accounts.findById(account.getId()).orElseThrow();
            changed.choosePassword(encoder.encode(form.newPassword()), clock.instant());
            audit.record(
                    "account.passwordChanged", AccountAdminController.SUBJECT, changed.getId(), changed.getEmail());
        });
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
        List<String> recoveryCodes = secondFactor.enrol(account.getId(), secret, code);
        if (recoveryCodes.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("codeWrong", true);
            model.addAttribute("sealedSecret", sealedSecret);
            model.addAttribute("enrolled", false);
            showSecret(model, account, secret);
            return "accounts/second-factor";
        }
        transaction.executeWithoutResult(status -> audit.record(
                "account.secondFactorEnrolled", AccountAdminController.SUBJECT, account.getId(), account.getEmail()));
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
    String newRecoveryCodes(
            @RequestParam(defaultValue = "") String code,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        StaffAccount account = own();
        if (!account.hasSecondFactor()) {
            return "redirect:/admin/account/second-factor";
        }
        String address = request.getRemoteAddr();
        Optional<LoginThrottle.Refusal> refusal = throttle.reserve(account.getEmail(), address);
        if (refusal.isPresent()) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute(
                    "waitSeconds", Math.max(1, refusal.get().retryAfter().toSeconds()));
            return secondFactorPage(model);
        }
        if (code.length() > 40 || !secondFactor.verify(account.getId(), code)) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("recoveryCodeWrong", true);
            return secondFactorPage(model);
        }
        throttle.succeeded(account.getEmail(), address);
        List<String> recoveryCodes = secondFactor.newRecoveryCodes(account.getId());
        transaction.executeWithoutResult(status -> audit.record(
                "account.recoveryCodesReplaced", AccountAdminController.SUBJECT, account.getId(), account.getEmail()));
        model.addAttribute("recoveryCodes", recoveryCodes);
        return "accounts/recovery-codes";
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
            return accounts.findById(login.getPrincipal().accountId())
                    .orElseThrow(() -> new NotFoundException(
                            "account", login.getPrincipal().accountId()));
        }
        return accounts.findByEmail(authentication.getName()).orElseThrow(() -> new NotFoundException("account", 0L));
    }
}
